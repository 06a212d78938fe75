// gongkai audit digest [--date YYYY-MM-DD]: prints a signed digest of the audit chain's head as
// JSON, for the auditor to keep outside the system. Without --date it anchors today's head (once
// a day; the daily job does the same) and prints it; with --date it prints the stored one.
import { anchorAuditChain, deriveAnchorKeys, digestOf } from '../core/audit/anchor.ts';
import { loadSecretKey } from '../core/crypto/secret-key.ts';
import type { CliCommand } from './commands.ts';
import { withServices } from './context.ts';

export function optionValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export const auditDigestCommand: CliCommand = {
  summary: '输出审计链头的签名摘要 (signed digest of the audit chain head) [--date YYYY-MM-DD]',
  run: (args) =>
    withServices(async (services) => {
      const date = optionValue(args, '--date');
      const { db } = services.database;
      if (date) {
        const row = await db.selectFrom('auditDigests').selectAll().where('date', '=', date).executeTakeFirst();
        if (!row) {
          console.error(`${date} 没有审计链锚定摘要`);
          return 1;
        }
        console.log(JSON.stringify(digestOf(row), null, 2));
        return 0;
      }
      const digest = await anchorAuditChain({ db, clock: services.clock, keys: deriveAnchorKeys(loadSecretKey(services.config)) });
      console.log(JSON.stringify(digest, null, 2));
      console.error(`公钥 (public key, SPKI DER base64): ${digest.publicKey}`);
      return 0;
    }),
};
