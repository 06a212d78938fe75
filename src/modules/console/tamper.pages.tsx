// /console/tamper (网页防篡改, issue 8 part 4): the alerts the monitor raised for published items
// changed outside the application — the item, what changed, when it was found — with the way to
// the emergency takedown (撤稿, a reason is required and recorded) and the resolution form; and the
// items the monitor baselined without having seen them published, for the office to check.
import { TAMPER_KIND_LABELS, TAMPER_RESOLUTIONS, type TamperAlert, type TamperBaselines } from '../monitor/index.ts';
import { ConsoleLayout, Csrf, errorFor, Select, TextArea, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';
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

function Baselines(props: { ctx: PageContext; baselines: TamperBaselines; errors: FieldErrorView[] }) {
  const { count, items } = props.baselines;
  if (count === 0) return null;
  return (
    <section class="tamper-baselines" aria-labelledby="h-baselines">
      <h2 id="h-baselines">{count} 条信息首次建立基线，未经发布时核验</h2>
      <p>这些信息在监测启用前发布，或未经本系统发布流程出现在网站上，监测按发现时的内容登记了摘要。请对照原件逐条核对；核对无误后点击“核对无误”，内容有误的请撤稿。</p>
      {count > items.length && <p class="muted">以下列出最近登记的 {items.length} 条。</p>}
      <ul class="tamper-baseline-list">
        {items.map((b) => {
          const error = errorFor(props.errors, `baseline-${b.itemId}`);
          return (
            <li id={`baseline-${b.itemId}`} class={error ? 'field-error' : undefined}>
              <a href={`/console/items/${encodeURIComponent(b.itemId)}`}>{b.title}</a>
              {b.docNumber && <span class="muted"> {b.docNumber}</span>}
              <span class="muted">（发布日期 {b.publishedOn ?? '未记录'}，{shanghaiDateTime(b.recordedAt)} 建立基线）</span>
              {error && <p class="error-message">{error}</p>}
              <form method="post" action={`/console/tamper/baselines/${encodeURIComponent(b.itemId)}/confirm`} class="inline-form">
                <Csrf ctx={props.ctx} />
                <button type="submit" class="button button-small">核对无误<span class="visually-hidden">：{b.title}</span></button>
              </form>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function TamperPage(props: {
  ctx: PageContext; alerts: TamperAlert[]; all: boolean; single?: boolean; baselines: TamperBaselines; canResolve: boolean;
  values: FormValues; errors: FieldErrorView[]; notice?: string;
}) {
  const { ctx, alerts } = props;
  return (
    <ConsoleLayout ctx={ctx} title="网页防篡改" errors={props.errors} notice={props.notice}>
      <p>已发布的信息在发布、修订、废止时登记内容和附件的 SHA-256 摘要；监测每天核对一次。摘要不符说明内容在系统之外被改动。</p>
      <form method="post" action="/console/tamper/check" class="form inline-form">
        <Csrf ctx={ctx} />
        <button type="submit" class="button">立即检查</button>
      </form>
      <p class="record-links">
        {props.single && <a href="/console/tamper">全部未处理的告警</a>}
        {!props.single && (props.all ? <a href="/console/tamper">只看未处理的告警</a> : <a href="/console/tamper?all=1">查看全部告警（含已处理）</a>)}
      </p>
      {!props.single && <Baselines ctx={ctx} baselines={props.baselines} errors={props.errors} />}
      {alerts.length === 0 && <p class="muted" id="tamper-none">{props.all ? '没有告警。' : '没有未处理的告警。'}</p>}
      {alerts.map((a) => <AlertEntry ctx={ctx} a={a} canResolve={props.canResolve} values={props.values} errors={props.errors} />)}
    </ConsoleLayout>
  );
}
