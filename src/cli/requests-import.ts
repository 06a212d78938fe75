// gongkai requests import FILE [--agency CODE]: imports a request ledger (CSV or XLSX; columns
// trackingCode, applicantType, receivedOn, closedOn, outcome, reason). Any bad row rejects the
// whole file: every problem is printed with its line number and the exit code is 65 (EX_DATAERR).
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../core/errors.ts';
import { LedgerRejected } from '../modules/reports/index.ts';
import type { CliCommand } from './commands.ts';
import { cliActor, resolveAgency, withServices } from './context.ts';

export const requestsImportCommand: CliCommand = {
  summary: '导入申请登记台账 FILE（CSV 或 XLSX） [--agency CODE]',
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { agency: { type: 'string' } } });
    if (positionals.length !== 1) throw new AppError(64, 'USAGE', '请给出一个台账文件（CSV 或 XLSX）');
    const file = positionals[0];
    const bytes = await fs.readFile(file);
    return withServices(async (services) => {
      const agency = await resolveAgency(services, values.agency);
      try {
        const r = await services.ledgerImport.importLedger(cliActor(), agency.id, { filename: path.basename(file), bytes });
        console.log(`已导入 ${r.imported} 件申请（${agency.name}；已办结 ${r.closed} 件，办理中 ${r.open} 件）`);
        return 0;
      } catch (err) {
        if (!(err instanceof LedgerRejected)) throw err;
        console.error(`${err.message}：`);
        for (const p of err.problems) console.error(`  第 ${p.line} 行：${p.message}`);
        return 65;
      }
    });
  },
};
