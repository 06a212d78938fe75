// /console/items/:id/coordination: release coordination letters (发布协调, 条例 第十一条) of one item,
// the form to send one, the outcome forms, and the printable letter.
import { coordinationLetter, type ReleaseCoordination } from '../office-records/index.ts';
import { ConsoleLayout, Csrf, TextArea, TextInput, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';

const DUE_LABELS = { onTime: '未到期', dueSoon: '即将到期', overdue: '已逾期' } as const;

function Letter(props: { c: ReleaseCoordination; ctx: PageContext; canAct: boolean }) {
  const { c } = props;
  return (
    <li class="card">
      <h3>{c.number} 致{c.recipientAgency}</h3>
      <p>联系人：{c.recipientContact}；发出 {c.sentOn}；答复期限 {c.dueOn}
        {c.dueState && <span class={`due-state due-${c.dueState}`}>{DUE_LABELS[c.dueState]}</span>}</p>
      <p class="hint">{c.dueExplanation}</p>
      <p>协调事项：{c.question}</p>
      <p>结果：<strong>{c.outcomeLabel}</strong>{c.answeredOn ? `（${c.answeredOn}）` : ''}{c.answerText ? `：${c.answerText}` : ''}
        {c.blocksPublication && '。答复前或期限届满前不能发布。'}</p>
      <p><a href={`/console/coordination/${c.id}/letter`}>打印协调函</a> · <a href={`/console/coordination/${c.id}/letter.docx`}>下载协调函（Word）</a></p>
      {props.canAct && c.outcome === 'pending' && (
        <form method="post" action={`/console/coordination/${c.id}/outcome`}>
          <Csrf ctx={props.ctx} />
          <label for={`o-${c.id}`}>登记结果</label>
          <select id={`o-${c.id}`} name="outcome">
            <option value="agreed">同意发布</option>
            <option value="objections">提出意见</option>
            <option value="noAnswer">逾期未答复</option>
          </select>
          <label for={`a-${c.id}`}>对方意见</label>
          <textarea id={`a-${c.id}`} name="answerText" rows={2}></textarea>
          <label for={`d-${c.id}`}>答复日期</label>
          <input id={`d-${c.id}`} name="answeredOn" type="date" />
          <button type="submit" class="button button-secondary">登记</button>
        </form>
      )}
    </li>
  );
}

export function CoordinationPage(props: {
  ctx: PageContext; itemId: string; itemTitle: string; letters: ReleaseCoordination[]; canSend: boolean; values: FormValues; errors: FieldErrorView[];
}) {
  const { ctx } = props;
  return (
    <ConsoleLayout ctx={ctx} title={`发布协调：${props.itemTitle}`} errors={props.errors}>
      <p><a href={`/console/items/${props.itemId}`}>返回信息记录</a></p>
      {props.letters.length === 0 ? <p class="empty">尚未发出协调函。</p> : (
        <ul class="plain-list">{props.letters.map((c) => <Letter c={c} ctx={ctx} canAct={props.canSend} />)}</ul>
      )}
      {props.canSend && (
        <section aria-labelledby="h-send">
          <h2 id="h-send">发出协调函</h2>
          <p class="hint">对方应在 5 个工作日内答复；答复前或期限届满前，该信息不能发布。</p>
          <form method="post" action={`/console/items/${props.itemId}/coordination`}>
            <Csrf ctx={ctx} />
            <TextInput name="recipientAgency" label="被征求意见的机关" values={props.values} errors={props.errors} required />
            <TextInput name="recipientContact" label="对方联系人及联系方式" values={props.values} errors={props.errors} required />
            <TextArea name="question" label="需要协调确认的事项" values={props.values} errors={props.errors} required />
            <button type="submit" class="button">发出协调函</button>
          </form>
        </section>
      )}
    </ConsoleLayout>
  );
}

export function CoordinationLetterPage(props: { ctx: PageContext; c: ReleaseCoordination; itemTitle: string }) {
  const { c } = props;
  const letter = coordinationLetter(c, props.itemTitle, props.ctx.agencyName);
  return (
    <ConsoleLayout ctx={props.ctx} title={letter.title} printable>
      <p class="letter-number">{letter.number}</p>
      <p>{letter.recipient}：</p>
      {letter.paragraphs.map((p) => <p>{p}</p>)}
      <p class="letter-signature">{letter.signature}</p>
      <p class="letter-date">{letter.date}</p>
      <p class="no-print"><a href={`/console/coordination/${c.id}/letter.docx`}>下载 Word 版</a> · <a href={`/console/items/${c.itemId}/coordination`}>返回发布协调</a></p>
    </ConsoleLayout>
  );
}
