// /console/freshness: how close the site is to failing the inspection of 国办秘函〔2019〕19号, the
// columns about to go stale, stale or empty with their responsible departments, then every column.
// States are written out in words (never colour alone).
import { FRESHNESS_STATE_LABELS, type ColumnFreshnessView, type FreshnessReport } from '../monitor/index.ts';
import { ConsoleLayout, type PageContext } from './console.layout.tsx';
import { AgencySwitch } from './dashboard.pages.tsx';

function ColumnRows(props: { columns: ColumnFreshnessView[] }) {
  return (
    <tbody>
      {props.columns.map((c) => (
        <tr class={`freshness-${c.state}`}>
          <th scope="row">{c.path ? `${c.path} > ` : ''}{c.name}</th>
          <td><span class={`due-state freshness-state-${c.state}`}>{FRESHNESS_STATE_LABELS[c.state]}</span>{c.longStale ? '（超过一年未更新）' : ''}</td>
          <td>{c.updateIntervalDays === null ? '按需' : `${c.updateIntervalDays} 天`}</td>
          <td>{c.lastPublishedOn ?? '从未发布'}</td>
          <td>{c.dueOn ? `${c.dueOn}（${c.daysLeft! >= 0 ? `还有 ${c.daysLeft} 天` : `已超 ${-c.daysLeft!} 天`}）` : '—'}</td>
          <td>{c.departments.map((d) => d.name).join('、') || '未指定'}</td>
        </tr>
      ))}
    </tbody>
  );
}

function ColumnTable(props: { id: string; caption: string; columns: ColumnFreshnessView[] }) {
  return (
    <div class="table-wrap" role="region" aria-label={props.caption} tabIndex={0}>
      <table class="table" id={props.id}>
        <caption>{props.caption}</caption>
        <thead>
          <tr><th scope="col">栏目</th><th scope="col">状态</th><th scope="col">更新周期</th><th scope="col">最近发布</th><th scope="col">应更新截止</th><th scope="col">责任部门</th></tr>
        </thead>
        <ColumnRows columns={props.columns} />
      </table>
    </div>
  );
}

export function FreshnessPage(props: { ctx: PageContext; r: FreshnessReport }) {
  const { r } = props;
  return (
    <ConsoleLayout ctx={props.ctx} title="栏目更新情况" wide>
      <AgencySwitch action="/console/freshness" choices={r.choices} current={r.agency.id} />
      {r.supervised && <p class="notice">正在以只读方式查看下级机关：{r.agency.name}</p>}
      <section aria-labelledby="h-inspection">
        <h2 id="h-inspection">对照网站检查指标（国办秘函〔2019〕19号）</h2>
        <p id="inspection-verdict"><strong>{r.inspection.failed ? '有指标已达到单项否决标准，请立即处理。' : '各项指标均未达到单项否决标准。'}</strong></p>
        <div class="table-wrap" role="region" aria-label="对照网站检查指标" tabIndex={0}>
          <table class="table" id="inspection-table">
            <caption>截至 {r.todayOn}</caption>
            <thead><tr><th scope="col">指标</th><th scope="col">当前</th><th scope="col">否决标准</th><th scope="col">结论</th></tr></thead>
            <tbody>
              {r.inspection.checks.map((c) => (
                <tr>
                  <th scope="row">{c.label}</th>
                  <td class="num">{c.count ?? '从未发布'}</td>
                  <td class="num">{c.rule === 'homePage' ? `${c.threshold} 天` : `${c.threshold} 个`}</td>
                  <td>{c.failed ? '已达否决标准' : `距否决标准还差 ${c.threshold - (c.count ?? 0)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="h-attention">
        <h2 id="h-attention">需要关注的栏目（{r.attention.length}）</h2>
        {r.attention.length === 0 ? <p class="empty">没有即将超期、已超期或空白的栏目。</p> : <ColumnTable id="attention-table" caption="即将超期、已超期和空白栏目" columns={r.attention} />}
        <p class="hint">栏目在应更新截止日前 7 天或更新周期的 20%（取较早者）起为“即将超期”，系统每天向责任部门发送一次提醒。</p>
      </section>
      <section aria-labelledby="h-all">
        <h2 id="h-all">全部栏目</h2>
        <ColumnTable id="columns-table" caption="全部栏目的更新情况" columns={r.columns} />
      </section>
    </ConsoleLayout>
  );
}
