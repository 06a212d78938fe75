// The roll-up page: a city bureau's table 三 per agency and in total, the failed checks, and the
// XLSX download with tables 二, 三 and 四.
import { TABLE3_COLUMNS, type RollUpResult } from '../reports/index.ts';
import { ConsoleLayout, type PageContext } from './console.layout.tsx';

export function RollUpPage({ ctx, result }: { ctx: PageContext; result: RollUpResult }) {
  const blocks = [...result.agencies, result.total];
  const failed = blocks.flatMap((f) => f.checks.filter((c) => !c.ok).map((c) => ({ agency: f.agencyName, ...c })));
  return (
    <ConsoleLayout ctx={ctx} title={`${result.year} 年度报告汇总`} wide>
      <form method="get" action="/console/reports/rollup">
        <label for="year">年度</label> <input id="year" name="year" type="number" min="2019" value={String(result.year)} />{' '}
        <button type="submit">查看</button>{' '}
        <a href={`/console/reports/rollup.xlsx?year=${result.year}`}>下载 Excel（表二、表三、表四）</a>
      </form>
      <p>报告格式：{result.format === '2021' ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号'}。本机关及 {result.agencies.length - 1} 个下级机关。</p>
      {failed.length > 0 && (
        <section>
          <h2>校验未通过</h2>
          <ul>
            {failed.map((c) => (
              <li>
                {c.agency}：{c.name}{c.column ? `（${c.column}）` : ''}，{c.detail}
                {c.requests.length > 0 && `；涉及 ${c.requests.map((r) => `${r.trackingCode}（${r.problem}）`).join('、')}`}
              </li>
            ))}
          </ul>
        </section>
      )}
      {blocks.map((f) => (
        <section>
          <h2>{f.agencyName}</h2>
          <table>
            <caption>三、收到和处理政府信息公开申请情况</caption>
            <thead>
              <tr><th scope="col">项目</th>{TABLE3_COLUMNS.map((c) => <th scope="col">{c}</th>)}</tr>
            </thead>
            <tbody>
              {f.table3.map((r) => (
                <tr><th scope="row">{r.group ? `${r.group} ${r.label}` : r.label}</th>{r.values.map((v) => <td>{v ?? ''}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </ConsoleLayout>
  );
}
