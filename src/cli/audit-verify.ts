// gongkai audit verify: exit 0 when the hash chain is intact, 1 naming the first broken event.
import { verifyAuditChain } from '../core/audit/verify.ts';
import type { CliCommand } from './commands.ts';
import { withServices } from './context.ts';

export const auditVerifyCommand: CliCommand = {
  summary: '校验审计日志哈希链 (verify the audit hash chain)',
  run: () =>
    withServices(async (services) => {
      const result = await verifyAuditChain(services.database.db);
      if (result.ok) {
        console.log(`审计链完整：${result.events} 个事件，链头 ${result.headHash}`);
        return 0;
      }
      console.error(`审计链已断裂：第一个异常事件 #${result.brokenSeq}${result.brokenId ? `（${result.brokenId}）` : ''}：${result.reason}`);
      return 1;
    }),
};
