// Challenges to replies (行政复议 / 行政诉讼): the request's list with the record and decision
// forms, and the agency's list by year (table 四 of the annual report counts them).
import {
  CHALLENGE_KIND_LABELS, CHALLENGE_RESULT_LABELS, CHALLENGE_RESULTS, LITIGATION_PATH_LABELS, type ChallengeView, type RequestDetail,
} from '../requests/index.ts';
import { ConsoleLayout, Csrf, Select, TextArea, TextInput, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';
import { requestHref } from './requests.pages.tsx';

const RESULT_OPTIONS = CHALLENGE_RESULTS.map((r) => ({ value: r, label: CHALLENGE_RESULT_LABELS[r] }));

function ChallengeTable({ items, withRequest }: { items: ChallengeView[]; withRequest?: boolean }) {
  if (items.length === 0) return <p class="muted">没有复议或诉讼记录。</p>;
  return (
    <table class="table">
      <thead><tr>{withRequest && <th scope="col">申请</th>}<th scope="col">类型</th><th scope="col">复议机关或法院</th><th scope="col">案号</th><th scope="col">申请或起诉日期</th><th scope="col">审结日期</th><th scope="col">结果</th></tr></thead>
      <tbody>
        {items.map((c) => (
          <tr>
            {withRequest && <td><a href={`${requestHref(c.requestId)}/challenges`}>{c.trackingCode}</a></td>}
            <td>{CHALLENGE_KIND_LABELS[c.kind]}{c.litigationPath && `（${LITIGATION_PATH_LABELS[c.litigationPath]}）`}</td>
            <td>{c.body}</td><td>{c.caseNumber}</td><td>{c.filedOn}</td><td>{c.decidedOn ?? '—'}</td><td>{CHALLENGE_RESULT_LABELS[c.result]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RequestChallengesPage(props: { ctx: PageContext; r: RequestDetail; items: ChallengeView[]; canWrite: boolean; values: FormValues; errors: FieldErrorView[]; notice?: string }) {
  const { ctx, r, values, errors } = props;
  const base = `${requestHref(r.id)}/challenges`;
  const common = { values, errors };
  return (
    <ConsoleLayout ctx={ctx} title={`复议诉讼 ${r.trackingCode}`} errors={errors} notice={props.notice}>
      <p class="record-links"><a href={requestHref(r.id)}>返回申请记录</a> <a href="/console/challenges">全部复议诉讼</a></p>
      <ChallengeTable items={props.items} />
      {props.canWrite && props.items.filter((c) => c.result === 'pending').map((c) => (
        <form method="post" action={`${base}/${c.id}/decide`} class="form action-form" novalidate>
          <Csrf ctx={ctx} />
          <h2>登记审理结果：{c.body} {c.caseNumber}</h2>
          <input type="hidden" name="caseNumber" value={c.caseNumber} />
          <TextInput name={`decidedOn-${c.id}`} label="审结日期" type="date" {...common} />
          <Select name={`result-${c.id}`} label="审理结果" options={RESULT_OPTIONS} {...common} />
          <TextArea name={`note-${c.id}`} label="备注" rows={2} {...common} />
          <button type="submit" class="button">保存结果</button>
        </form>
      ))}
      {props.canWrite && (
        <form method="post" action={base} class="form action-form" novalidate>
          <Csrf ctx={ctx} />
          <h2>登记行政复议或行政诉讼</h2>
          <Select name="kind" label="类型" options={[{ value: 'reconsideration', label: '行政复议' }, { value: 'litigation', label: '行政诉讼' }]} required {...common} />
          <Select name="litigationPath" label="起诉方式（行政诉讼填写）" emptyLabel="（行政复议不填）" options={[{ value: 'direct', label: '未经复议直接起诉' }, { value: 'afterReconsideration', label: '复议后起诉' }]} {...common} />
          <TextInput name="body" label="复议机关或受理法院" required {...common} />
          <TextInput name="caseNumber" label="案号" {...common} />
          <TextInput name="filedOn" label="申请复议或起诉日期" type="date" required {...common} />
          <TextInput name="decidedOn" label="审结日期" type="date" hint="尚未审结的不填" {...common} />
          <Select name="result" label="审理结果" options={RESULT_OPTIONS} {...common} />
          <TextArea name="note" label="备注" rows={2} {...common} />
          <button type="submit" class="button">登记</button>
        </form>
      )}
    </ConsoleLayout>
  );
}

export function ChallengesListPage(props: { ctx: PageContext; items: ChallengeView[]; year: number | null }) {
  return (
    <ConsoleLayout ctx={props.ctx} title="行政复议和行政诉讼">
      <form method="get" action="/console/challenges" class="form filters">
        <TextInput name="year" label="年份（按申请复议或起诉日期）" values={{ year: props.year ? String(props.year) : '' }} errors={[]} />
        <button type="submit" class="button button-secondary">筛选</button>
      </form>
      <p class="hint">年度报告表四：按申请复议或起诉日期计入当年；当年 12 月 31 日前未审结的计为“尚未审结”。</p>
      <ChallengeTable items={props.items} withRequest />
    </ConsoleLayout>
  );
}
