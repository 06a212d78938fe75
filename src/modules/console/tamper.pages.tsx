// /console/tamper (网页防篡改, issue 8 part 4): the alerts the monitor raised for published items
// changed outside the application — the item, what changed, when it was found — with the way to
// the emergency takedown (撤稿, a reason is required and recorded) and the resolution form.
import { TAMPER_KIND_LABELS, TAMPER_RESOLUTIONS, type TamperAlert } from '../monitor/index.ts';
import { ConsoleLayout, Csrf, Select, TextArea, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';
import { shanghaiDateTime } from './format.ts';

const RESOLUTION_OPTIONS = Object.entries(TAMPER_RESOLUTIONS).map(([value, label]) => ({ value, label }));

function ResolveForm(props: { ctx: PageContext; a: TamperAlert; values: FormValues; errors: FieldErrorView[] }) {
  const { a } = props;
  return (
    <form method="post" action={`/console/tamper/${a.id}/resolve`} class="form action-form" novalidate>
      <Csrf ctx={props.ctx} />
      <h3>处理告警</h3>
      <Select name={`resolution-${a.id}`} label="处理方式" options={RESOLUTION_OPTIONS} values={props.values} errors={props.errors} emptyLabel="请选择" required />
      <TextArea name={`note-${a.id}`} label="处理说明" hint="写明核实经过、恢复来源或撤稿情况" values={props.values} errors={props.errors} rows={3} required />
      <button type="submit" class="button">记录处理结果</button>
    </form>
  );
}

function AlertEntry(props: { ctx: PageContext; a: TamperAlert; canResolve: boolean; values: FormValues; errors: FieldErrorView[] }) {
  const { a } = props;
  const itemHref = `/console/items/${encodeURIComponent(a.itemId)}`;
  return (
    <article class={a.resolvedAt ? 'tamper-alert tamper-resolved' : 'tamper-alert tamper-open'} id={`alert-${a.id}`}>
      <h2><a href={itemHref}>{a.itemTitle}</a></h2>
      <dl class="meta">
        <dt>告警类型</dt><dd>{TAMPER_KIND_LABELS[a.kind] ?? a.kind}</dd>
        <dt>发现时间</dt><dd>{shanghaiDateTime(a.detectedAt)}</dd>
        <dt>登记版本</dt><dd>第 {a.version} 版</dd>
        <dt>状态</dt><dd>{a.resolvedAt ? `已处理：${TAMPER_RESOLUTIONS[a.resolution as keyof typeof TAMPER_RESOLUTIONS] ?? a.resolution}（${a.resolvedByName}，${shanghaiDateTime(a.resolvedAt)}）` : '未处理'}</dd>
        {a.resolutionNote && <><dt>处理说明</dt><dd>{a.resolutionNote}</dd></>}
      </dl>
      <h3>发生变化的内容</h3>
      <ul class="tamper-changes">
        {a.changes.map((c) => <li><strong>{c.label}</strong>：{c.detail}</li>)}
      </ul>
      {!a.resolvedAt && (
        <p class="record-links">
          <a class="button button-warning" href={`${itemHref}#action-takedown`}>紧急撤稿（须填写原因）</a>
          <a href={itemHref}>查看信息记录</a>
        </p>
      )}
      {!a.resolvedAt && props.canResolve && <ResolveForm ctx={props.ctx} a={a} values={props.values} errors={props.errors} />}
    </article>
  );
}

export function TamperPage(props: { ctx: PageContext; alerts: TamperAlert[]; all: boolean; canResolve: boolean; values: FormValues; errors: FieldErrorView[]; notice?: string }) {
  const { ctx, alerts } = props;
  return (
    <ConsoleLayout ctx={ctx} title="网页防篡改" errors={props.errors} notice={props.notice}>
      <p>已发布的信息在发布、修订、废止时登记内容和附件的 SHA-256 摘要；监测每天核对一次。摘要不符说明内容在系统之外被改动。</p>
      <form method="post" action="/console/tamper/check" class="form inline-form">
        <Csrf ctx={ctx} />
        <button type="submit" class="button">立即检查</button>
      </form>
      <p class="record-links">{props.all ? <a href="/console/tamper">只看未处理的告警</a> : <a href="/console/tamper?all=1">查看全部告警（含已处理）</a>}</p>
      {alerts.length === 0 && <p class="muted" id="tamper-none">{props.all ? '没有告警。' : '没有未处理的告警。'}</p>}
      {alerts.map((a) => <AlertEntry ctx={ctx} a={a} canResolve={props.canResolve} values={props.values} errors={props.errors} />)}
    </ConsoleLayout>
  );
}
