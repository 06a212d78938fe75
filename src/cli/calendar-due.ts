// gongkai calendar due --from YYYY-MM-DD --days N: prints the due date alone on stdout.
import { parseArgs } from 'node:util';
import { AppError } from '../core/errors.ts';
import { isLegalDate } from '../core/time/dates.ts';
import type { CliCommand } from './commands.ts';
import { withServices } from './context.ts';

export const calendarDueCommand: CliCommand = {
  summary: '按工作日计算到期日 --from YYYY-MM-DD --days N',
  async run(args) {
    const { values } = parseArgs({ args, options: { from: { type: 'string' }, days: { type: 'string' } } });
    if (!values.from || !isLegalDate(values.from)) throw new AppError(64, 'USAGE', '--from 须为 YYYY-MM-DD 格式的日期');
    const days = Number(values.days);
    if (!Number.isInteger(days) || days < 0) throw new AppError(64, 'USAGE', '--days 须为非负整数');
    return withServices(async (services) => {
      const calendar = await services.calendar.get();
      console.log(calendar.addWorkingDays(values.from!, days));
      return 0;
    });
  },
};
