// gongkai audit verify [--digest FILE [--public-key BASE64]]: exit 0 when the hash chain is
// intact (and, with --digest, still contains the head that digest anchored), 1 naming the fault.
import fs from 'node:fs';
import { checkAuditDigest, type AuditDigest } from '../core/audit/anchor.ts';
import { verifyAuditChain } from '../core/audit/verify.ts';
import { optionValue } from './audit-digest.ts';
import type { CliCommand } from './commands.ts';
import { withServices } from './context.ts';

export const auditVerifyCommand: CliCommand = {
  summary: '校验审计日志哈希链 (verify the audit hash chain) [--digest FILE [--public-key KEY]]',
  run: (args) =>
    withServices(async (services) => {
      const result = await verifyAuditChain(services.database.db);
      if (!result.ok) {
        console.error(`审计链已断裂：第一个异常事件 #${result.brokenSeq}${result.brokenId ? `（${result.brokenId}）` : ''}：${result.reason}`);
        return 1;
      }
      console.log(`审计链完整：${result.events} 个事件，链头 ${result.headHash}`);
      const digestFile = optionValue(args, '--digest');
      if (!digestFile) return 0;
      const digest = JSON.parse(fs.readFileSync(digestFile, 'utf8')) as AuditDigest;
      const check = await checkAuditDigest(services.database.db, digest, optionValue(args, '--public-key'));
      if (!check.ok) {
        console.error(`摘要核对失败：${check.reason}`);
        return 1;
      }
      console.log(`摘要核对通过：${digest.date} 锚定的事件 #${digest.lastSeq} 仍在链中`);
      return 0;
    }),
};
