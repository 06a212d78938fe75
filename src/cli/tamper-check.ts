// gongkai tamper check [--agency CODE] [--json]: runs the 网页防篡改 check now (the same run as the
// worker's daily job) and prints what it did. Exit 3 while any alert is open (new or older), so a
// cron job or the monitoring system can page the office; 0 when every alert has been handled.
import { parseArgs } from 'node:util';
import { TAMPER_KIND_LABELS } from '../modules/monitor/index.ts';
import type { CliCommand } from './commands.ts';
import { resolveAgency, withServices } from './context.ts';

/** The exit code while alerts are open (1 is any other failure, 64 a usage error). */
export const OPEN_ALERTS_EXIT = 3;

export const tamperCheckCommand: CliCommand = {
  summary: '网页防篡改检查 [--agency CODE] [--json]；有未处理告警时退出码为 3',
  run: (args) =>
    withServices(async (services) => {
      const { values } = parseArgs({ args, options: { agency: { type: 'string' }, json: { type: 'boolean' } } });
      const agencyId = values.agency ? (await resolveAgency(services, values.agency)).id : undefined;
      const result = await services.tamper.check({ agencyId });
      const open = await services.tamper.openAlerts(agencyId);
      if (values.json) {
        const alerts = open.map((a) => ({ id: a.id, agencyId: a.agencyId, itemId: a.itemId, itemTitle: a.itemTitle, kind: a.kind, detectedAt: a.detectedAt }));
        console.log(JSON.stringify({ ...result, openAlerts: alerts }));
      } else {
        console.log(`已核对 ${result.checked} 条已发布信息；首次建立基线 ${result.baselined} 条；新告警 ${result.alerts} 条；未处理告警 ${result.open} 条`);
        for (const a of open) console.log(`  ${a.detectedAt}\t${TAMPER_KIND_LABELS[a.kind] ?? a.kind}\t${a.itemTitle}\t(${a.itemId})`);
        if (result.baselined > 0) console.log('首次建立基线的信息未经发布时核验，请公开办在“网页防篡改”页面逐条核对。');
        if (result.open > 0) console.log('请在管理后台“网页防篡改”页面核实并处理告警。');
      }
      return result.open > 0 ? OPEN_ALERTS_EXIT : 0;
    }),
};
