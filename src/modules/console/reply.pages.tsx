// The reply page of a request: the department drafts one decision per item of information
// (第三十六条), rows added without JavaScript ("增加一项" re-shows the form with a blank row);
// the office sees each item's legal basis and the outcome the request will be reported under
// (table 三), corrects the draft if needed and approves or returns it. After approval: the notice
// number and its DOCX/PDF.
import {
  DRAFT_REPLY_TYPE_LABELS, DRAFT_REPLY_TYPES, OUTCOME_LABELS, OUTCOME_REASONS, OUTCOMES, REASON_ROW_LABELS, REQUEST_KIND_LABELS,
  REQUEST_STATUS_LABELS, REQUEST_VERB_LABELS, type ReplyView, type RequestVerb,
} from '../requests/index.ts';
import { Csrf, ConsoleLayout, TextArea, TextInput, Select, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';
import { shanghaiDateTime } from './format.ts';
import { requestHref } from './requests.pages.tsx';

export const REPLY_VERBS: readonly RequestVerb[] = ['submitReply', 'returnReply', 'approve'];
export const ITEM_FIELDS = ['description', 'replyType', 'decision', 'explanation', 'catalogItemId', 'holderAgency', 'docNumber'] as const;

const DECISION_OPTIONS = OUTCOMES.flatMap((o) =>
  OUTCOME_REASONS[o].length === 0
    ? [{ value: o, label: OUTCOME_LABELS[o] }]
    : (OUTCOME_REASONS[o] as readonly string[]).map((r) => ({ value: `${o}:${r}`, label: `${OUTCOME_LABELS[o]}：${REASON_ROW_LABELS[r as keyof typeof REASON_ROW_LABELS]}` })),
);
const TYPE_OPTIONS = DRAFT_REPLY_TYPES.map((t) => ({ value: t, label: DRAFT_REPLY_TYPE_LABELS[t] }));

/** The form's values for a saved reply (rows named items.<n>.<field>), plus one blank row. */
export function replyFormValues(reply: ReplyView): FormValues {
  const v: FormValues = { opinion: reply.opinion };
  reply.items.forEach((i, n) => {
    Object.assign(v, {
      [`items.${n}.description`]: i.description, [`items.${n}.replyType`]: i.replyType,
      [`items.${n}.decision`]: i.reason ? `${i.outcome}:${i.reason}` : i.outcome, [`items.${n}.explanation`]: i.explanation,
      [`items.${n}.catalogItemId`]: i.catalogItemId ?? '', [`items.${n}.holderAgency`]: i.holderAgency, [`items.${n}.docNumber`]: i.docNumber,
    });
  });
  return v;
}

function ItemRow({ n, values, errors }: { n: number; values: FormValues; errors: FieldErrorView[] }) {
  const f = (name: string) => `items.${n}.${name}`;
  const common = { values, errors };
  return (
    <fieldset class="reply-item">
      <legend>第 {n + 1} 项信息</legend>
      <TextInput name={f('description')} label="信息内容" hint="申请人所需的这一项信息" {...common} />
      <Select name={f('replyType')} label="答复类型（条例第三十六条）" options={TYPE_OPTIONS} {...common} />
      <Select name={f('decision')} label="处理结果（年度报告表三）" emptyLabel="按答复类型确定" hint="不予公开须选择理由；删去部分内容后提供的，选“部分公开”（第三十七条）" options={DECISION_OPTIONS} {...common} />
      <TextArea name={f('explanation')} label="答复内容或理由" rows={3} hint="除予以公开外，须说明理由" {...common} />
      <TextInput name={f('catalogItemId')} label="已公开信息的索引号或网址" hint="已主动公开的：填写该信息的索引号，或粘贴其在门户网站上的网址，告知获取途径" {...common} />
      <TextInput name={f('holderAgency')} label="负责公开的机关及联系方式" hint="不属于本机关负责公开的：写明负责机关（第三十六条第（五）项）" {...common} />
      <TextInput name={f('docNumber')} label="文号" {...common} />
      <label class="checkbox"><input type="checkbox" name={f('remove')} value="1" /> 删除此项</label>
    </fieldset>
  );
}

function ItemsTable({ reply }: { reply: ReplyView }) {
  if (reply.items.length === 0) return <p class="muted">尚未起草答复。</p>;
  return (
    <div class="table-wrap" role="region" aria-label="答复内容" tabIndex={0}>
      <table class="table">
        <thead><tr><th scope="col">序号</th><th scope="col">信息内容</th><th scope="col">答复类型</th><th scope="col">处理结果</th><th scope="col">答复内容或理由</th><th scope="col">依据</th></tr></thead>
        <tbody>
          {reply.items.map((i) => (
            <tr>
              <td>{i.position}</td><td>{i.description}</td><td>{i.replyTypeLabel}</td><td>{i.decisionLabel}</td>
              <td>
                {i.explanation}
                {i.catalogItem && <p><a href={i.catalogItem.url}>《{i.catalogItem.title}》</a> 索引号 {i.catalogItem.indexNumber ?? '—'}</p>}
                {i.holderAgency && <p>负责公开的机关：{i.holderAgency}</p>}
              </td>
              <td>{i.basis}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ReplyPage(props: {
  ctx: PageContext;
  trackingCode: string;
  reply: ReplyView;
  verbs: RequestVerb[];
  values: FormValues;
  errors: FieldErrorView[];
  rows: number;
  notice?: string;
}) {
  const { ctx, reply, values, errors } = props;
  const base = `${requestHref(reply.requestId)}/reply`;
  return (
    <ConsoleLayout ctx={ctx} title={`答复 ${props.trackingCode}`} errors={errors} notice={props.notice}>
      <p class="record-links">
        <span class="status status-ok">{REQUEST_STATUS_LABELS[reply.status]}</span>
        <span>{REQUEST_KIND_LABELS[reply.kind]}</span>
        <a href={requestHref(reply.requestId)}>返回申请记录</a>
        <a href={`${requestHref(reply.requestId)}/files`}>答复材料（随答复提供的信息）</a>
      </p>
      <section aria-labelledby="reported-title">
        <h2 id="reported-title">处理结果</h2>
        {reply.reported
          ? <p><strong>{reply.reported.label}</strong> <span class="muted">（{reply.reported.rowLabel}）</span></p>
          : <p class="muted">保存答复稿后显示按年度报告表三计入的处理结果。</p>}
        {reply.draftedAt && <p class="muted">起草：{reply.draftedByName}，{shanghaiDateTime(reply.draftedAt)}</p>}
        {reply.noticeId && (
          <p>
            已审定（{reply.approvedByName}，{reply.approvedOn}）。答复告知书 {reply.noticeNumber}：
            <a href={`/console/notices/${reply.noticeId}.docx`}>下载 Word</a> · <a href={`/console/notices/${reply.noticeId}.pdf`}>下载 PDF</a>
          </p>
        )}
      </section>
      {reply.editable ? (
        <form method="post" action={base} class="form reply-form" novalidate>
          <Csrf ctx={ctx} />
          <input type="hidden" name="rows" value={String(props.rows)} />
          <TextArea name="opinion" label="答复意见（选填）" rows={3} hint="告知书中各项决定之前的说明" values={values} errors={errors} />
          {Array.from({ length: props.rows }, (_, n) => <ItemRow n={n} values={values} errors={errors} />)}
          <p class="form-actions">
            <button type="submit" name="action" value="save" class="button">保存答复稿</button>
            <button type="submit" name="action" value="add" class="button button-secondary">增加一项</button>
          </p>
        </form>
      ) : (
        <section aria-labelledby="items-title">
          <h2 id="items-title">答复内容</h2>
          {reply.opinion && <p>{reply.opinion}</p>}
          <ItemsTable reply={reply} />
        </section>
      )}
      {props.verbs.length > 0 && (
        <section aria-labelledby="reply-actions-title" class="actions">
          <h2 id="reply-actions-title">办理</h2>
          {props.verbs.map((verb) => (
            <form method="post" action={`${base}/act`} class={`form action-form action-${verb}`} novalidate>
              <Csrf ctx={ctx} />
              <input type="hidden" name="verb" value={verb} />
              <TextArea name={`note-${verb}`} label={verb === 'approve' ? '审定意见（选填）' : '意见或理由'} rows={2} values={values} errors={errors} required={verb !== 'approve'} />
              <button type="submit" class={verb === 'returnReply' ? 'button button-warning' : 'button'}>{REQUEST_VERB_LABELS[verb]}</button>
            </form>
          ))}
        </section>
      )}
    </ConsoleLayout>
  );
}
