// The dashboard page: figures first as text, each chart as an image (server-rendered SVG) with
// alt text and the same numbers in a table beneath (caption, th scope). A supervising bureau
// switches to a county bureau with a plain GET form (works without JavaScript).
import { STATUS_LABELS } from '../catalog/catalog.contract.ts';
import type { ItemStatus } from '../catalog/catalog.contract.ts';
import { chartSvg, svgDataUrl, type ChartSeries, type Dashboard } from '../reports/index.ts';
import { ConsoleLayout, type PageContext } from './console.layout.tsx';

export function AgencySwitch(props: { action: string; choices: { id: string; name: string }[]; current: string; extra?: Record<string, string> }) {
  if (props.choices.length < 2) return null;
  return (
    <form method="get" action={props.action} class="inline-form agency-switch">
      <label for="agency">查看机关</label>{' '}
      <select id="agency" name="agency">
        {props.choices.map((c) => <option value={c.id} selected={c.id === props.current}>{c.name}</option>)}
      </select>
      {Object.entries(props.extra ?? {}).map(([k, v]) => <input type="hidden" name={k} value={v} />)}{' '}
      <button type="submit" class="button button-quiet">切换</button>
    </form>
  );
}

/** A chart image and its data table; the table is the accessible (and exact) form of the chart. */
export function ChartFigure(props: { id: string; caption: string; categoryHeader: string; categories: string[]; series: ChartSeries[]; horizontal?: boolean }) {
  const svg = chartSvg({ categories: props.categories, series: props.series, horizontal: props.horizontal, height: props.horizontal ? Math.max(200, 60 + props.categories.length * 36) : 320 });
  return (
    <figure class="chart" aria-labelledby={`${props.id}-caption`}>
      <img class="chart-image" src={svgDataUrl(svg)} alt={`${props.caption}（图表，数据见下表）`} />
      <div class="table-wrap" role="region" aria-label={props.caption} tabIndex={0}>
        <table class="table chart-table" id={`${props.id}-table`}>
          <caption id={`${props.id}-caption`}>{props.caption}</caption>
          <thead>
            <tr><th scope="col">{props.categoryHeader}</th>{props.series.map((s) => <th scope="col">{s.name}</th>)}</tr>
          </thead>
          <tbody>
            {props.categories.map((c, i) => (
              <tr><th scope="row">{c}</th>{props.series.map((s) => <td class="num">{s.data[i]}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

export function DashboardPage(props: { ctx: PageContext; d: Dashboard }) {
  const { d } = props;
  const depts = d.requests.byDepartment;
  return (
    <ConsoleLayout ctx={props.ctx} title="工作概况" wide>
      <AgencySwitch action="/console/dashboard" choices={d.scope.choices} current={d.scope.agency.id} />
      {d.scope.supervised && <p class="notice">正在以只读方式查看下级机关：{d.scope.agency.name}</p>}
      <p class="muted">统计日期：{d.todayOn}（本周截至 {d.weekEnd}）</p>
      <section aria-labelledby="h-requests">
        <h2 id="h-requests">依申请公开</h2>
        <dl class="figures">
          <div><dt>办理中</dt><dd id="fig-open">{d.requests.open}</dd></div>
          <div><dt>本周到期</dt><dd id="fig-due-week">{d.requests.dueThisWeek}</dd></div>
          <div><dt>已超期</dt><dd id="fig-overdue">{d.requests.overdue}</dd></div>
          <div>
            <dt>平均答复用时（工作日）</dt>
            <dd id="fig-average">{d.averageReplyWorkingDays ?? '—'}</dd>
          </div>
        </dl>
        <p class="hint">平均答复用时：近 12 个月内审定的 {d.repliesCounted} 件答复，自收到申请之日（补正后为收到补正材料之日）起至公开办审定答复之日止的工作日数，征求意见期间计算在内。</p>
        {depts.length > 0 && (
          <ChartFigure id="chart-departments" caption="各承办单位办理中的申请" categoryHeader="承办单位" horizontal
            categories={depts.map((l) => l.departmentName)}
            series={[
              { name: '办理中', kind: 'bar', data: depts.map((l) => l.open) },
              { name: '本周到期', kind: 'bar', data: depts.map((l) => l.dueThisWeek) },
              { name: '已超期', kind: 'bar', data: depts.map((l) => l.overdue) },
            ]} />
        )}
      </section>
      <section aria-labelledby="h-items">
        <h2 id="h-items">主动公开</h2>
        <dl class="figures">
          <div><dt>逾期未发布</dt><dd id="fig-items-overdue">{d.items.overdueForPublication}</dd></div>
        </dl>
        <ChartFigure id="chart-review" caption="各审核环节待办的信息" categoryHeader="审核环节" horizontal
          categories={d.items.awaitingReview.map((s) => STATUS_LABELS[s.step as ItemStatus])}
          series={[{ name: '待审核', kind: 'bar', data: d.items.awaitingReview.map((s) => s.count) }]} />
      </section>
      <section aria-labelledby="h-trends">
        <h2 id="h-trends">近 12 个月趋势</h2>
        <ChartFigure id="chart-monthly" caption="每月收到、办结的申请和发布的信息" categoryHeader="月份"
          categories={d.monthly.map((m) => m.month)}
          series={[
            { name: '收到申请', kind: 'line', data: d.monthly.map((m) => m.received) },
            { name: '办结申请', kind: 'line', data: d.monthly.map((m) => m.closed) },
            { name: '发布信息', kind: 'bar', data: d.monthly.map((m) => m.published) },
          ]} />
      </section>
      <p><a href="/console/assessment">考核</a> · <a href="/console/freshness">栏目更新情况</a></p>
    </ConsoleLayout>
  );
}
