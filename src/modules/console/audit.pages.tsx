// The audit log for the auditor (三员分立): filters, paging, the hash chain's state and export.
import type { AuditEventTable } from '../../core/db/schema.ts';
import type { AuditLogFilters } from '../accounts/index.ts';
import { ConsoleLayout, Select, TextInput, type FormValues, type PageContext } from './console.layout.tsx';
import { shanghaiDateTime } from './format.ts';

export type ChainState = { ok: true; events: number; headHash: string } | { ok: false; events: number; brokenSeq: number; reason: string };

export function auditQuery(filters: AuditLogFilters, extra: Record<string, string> = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (typeof v === 'string' && v.trim()) qs.set(k, v.trim());
  for (const [k, v] of Object.entries(extra)) qs.set(k, v);
  return qs.toString();
}

/** The before/after summary, shortened for the table (the export carries it whole). */
function summaryText(summary: string): string {
  return summary.length > 160 ? `${summary.slice(0, 160)}…` : summary;
}

export function AuditPage(props: {
  ctx: PageContext;
  filters: AuditLogFilters;
  result: { events: AuditEventTable[]; total: number; page: number; pages: number; actions: string[] };
  chain: ChainState;
}) {
  const { filters, result, chain } = props;
  const fv = filters as FormValues;
  const qs = auditQuery(filters);
  const link = (p: number) => `/console/audit?${auditQuery(filters, { page: String(p) })}`;
  return (
    <ConsoleLayout ctx={props.ctx} title="审计日志" wide>
      <section aria-labelledby="chain-state">
        <h2 id="chain-state">日志完整性</h2>
        {chain.ok
          ? <p><span class="status status-ok">校验通过</span> 哈希链完整，共 {chain.events} 个事件；链头哈希 <code>{chain.headHash}</code></p>
          : <p role="alert"><span class="status status-off">校验未通过</span> {chain.reason}（已校验 {chain.events} 个事件，问题出现在事件 #{chain.brokenSeq}）。请立即报告并保全数据库备份。</p>}
      </section>
      <form method="get" action="/console/audit" class="filters" role="search" aria-label="筛选审计事件">
        <TextInput name="from" label="日期从" type="date" values={fv} errors={[]} />
        <TextInput name="to" label="日期至" type="date" values={fv} errors={[]} />
        <Select name="action" label="操作" emptyLabel="全部操作" options={result.actions.map((a) => ({ value: a, label: a }))} values={fv} errors={[]} />
        <TextInput name="actor" label="操作人（姓名、用户名或编号）" values={fv} errors={[]} />
        <TextInput name="subject" label="对象（编号或类型）" values={fv} errors={[]} />
        <button type="submit" class="button button-secondary">筛选</button>
      </form>
      <p class="record-links">
        <span class="muted">共 {result.total} 个事件，第 {result.page} / {result.pages} 页，由近及远排列。</span>
        <a href={`/console/audit/export.csv${qs ? `?${qs}` : ''}`}>导出 CSV</a>
        <a href={`/console/audit/export.xlsx${qs ? `?${qs}` : ''}`}>导出 Excel（XLSX）</a>
      </p>
      {result.events.length === 0 ? <p class="empty">没有符合条件的审计事件。</p> : (
        <div class="table-wrap" role="region" aria-label="审计事件" tabIndex={0}>
          <table class="table">
            <caption class="visually-hidden">审计事件</caption>
            <thead><tr><th scope="col">序号</th><th scope="col">时间</th><th scope="col">操作人</th><th scope="col">IP 地址</th><th scope="col">操作</th><th scope="col">对象</th><th scope="col">变更摘要</th></tr></thead>
            <tbody>
              {result.events.map((e) => (
                <tr>
                  <td>{e.seq}</td>
                  <td>{shanghaiDateTime(e.at)}</td>
                  <td>{e.actorName}</td>
                  <td>{e.ip}</td>
                  <td><code>{e.action}</code></td>
                  <td>{e.subjectType} <code>{e.subjectId}</code></td>
                  <td><code>{summaryText(e.summary)}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.pages > 1 && (
        <nav class="pager" aria-label="分页">
          {result.page > 1 && <a href={link(result.page - 1)} rel="prev">上一页</a>}
          <span>第 {result.page} 页</span>
          {result.page < result.pages && <a href={link(result.page + 1)} rel="next">下一页</a>}
        </nav>
      )}
    </ConsoleLayout>
  );
}
