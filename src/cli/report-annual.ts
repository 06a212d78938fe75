// gongkai report annual [--agency CODE] --year YYYY --format json|docx|pdf --out FILE: the annual
// report's figures (第五十条) as JSON, or the report as DOCX/PDF with the narrative template
// pre-filled from the figures (annual-report.render.ts).
import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { AppError } from '../core/errors.ts';
import { renderAnnualReport } from '../modules/reports/index.ts';
import type { CliCommand } from './commands.ts';
import { resolveAgency, withServices } from './context.ts';

const FORMATS = ['json', 'docx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

export const reportAnnualCommand: CliCommand = {
  summary: '年度报告 --year YYYY --format json|docx|pdf --out FILE [--agency CODE]',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { agency: { type: 'string' }, year: { type: 'string' }, format: { type: 'string', default: 'json' }, out: { type: 'string' } },
    });
    const year = Number(values.year);
    if (!values.year || !/^\d{4}$/.test(values.year) || year < 2019) throw new AppError(64, 'USAGE', '--year 应为 2019 年及以后的四位年份');
    const format = values.format as Format;
    if (!FORMATS.includes(format)) throw new AppError(64, 'USAGE', `--format 应为 ${FORMATS.join('、')} 之一`);
    if (!values.out) throw new AppError(64, 'USAGE', '请用 --out 指定输出文件');
    return withServices(async (services) => {
      const agency = await resolveAgency(services, values.agency);
      // The stored report's hand-entered figures and narrative when the office has created it.
      const { figures, narrative } = await services.annualReports.forExport(agency.id, year);
      const bytes = format === 'json' ? Buffer.from(`${JSON.stringify(figures, null, 2)}\n`, 'utf8') : (await renderAnnualReport(figures, narrative, format)).bytes;
      await fs.writeFile(values.out!, bytes);
      const failed = figures.checks.filter((c) => !c.ok);
      console.log(`已生成 ${agency.name} ${year} 年度报告（${format}）：${values.out}`);
      for (const c of failed) console.error(`校验未通过：${c.name}${c.column ? `（${c.column}）` : ''} ${c.detail}；涉及 ${c.requests.length} 件申请`);
      return 0;
    });
  },
};
