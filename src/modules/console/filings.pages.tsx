// Quarterly withholding filings (不予公开备案表): the list with the generate form, and one filing
// with a review form per row, export links and the "filed" record. Lists show masked names; the
// exports carry full names for the filing authority.
import {
  CLASSIFICATION_LEVEL_LABELS, CLASSIFICATION_LEVELS, QUARTER_LABELS, filingTitle, reasonText, type FilingDetail, type FilingSummary,
} from '../requests/index.ts';
import { ConsoleLayout, Csrf, Select, TextInput, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';
import { requestHref } from './requests.pages.tsx';

const QUARTERS = [1, 2, 3, 4].map((q) => ({ value: String(q), label: QUARTER_LABELS[q] }));
const LEVELS = CLASSIFICATION_LEVELS.map((l) => ({ value: l, label: CLASSIFICATION_LEVEL_LABELS[l] }));

export function FilingsListPage(props: { ctx: PageContext; filings: FilingSummary[]; canGenerate: boolean; values: FormValues; errors: FieldErrorView[] }) {
  const { ctx, values, errors } = props;
  return (
    <ConsoleLayout ctx={ctx} title="不予公开备案" errors={errors}>
      <p class="hint">每季度将本季度作出的不予公开答复（含部分公开中不予公开的部分）汇总备案。重新生成草稿会更新条目，已填写的密级和审查意见保留。</p>
      {props.canGenerate && (
        <form method="post" action="/console/filings" class="form action-form" novalidate>
          <Csrf ctx={ctx} />
          <TextInput name="year" label="年份" required values={values} errors={errors} />
          <Select name="quarter" label="季度" options={QUARTERS} required values={values} errors={errors} />
          <button type="submit" class="button">生成或更新备案表</button>
        </form>
      )}
      {props.filings.length === 0 ? <p class="muted">尚无备案表。</p> : (
        <table class="table">
          <thead><tr><th scope="col">季度</th><th scope="col">条目</th><th scope="col">状态</th><th scope="col">报送</th></tr></thead>
          <tbody>
            {props.filings.map((f) => (
              <tr>
                <td><a href={`/console/filings/${f.id}`}>{f.year}年{QUARTER_LABELS[f.quarter]}</a></td>
                <td>{f.rowCount}</td>
                <td>{f.status === 'filed' ? '已报送' : '草稿'}</td>
                <td>{f.filedOn ? `${f.filedOn} 报 ${f.filedTo}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ConsoleLayout>
  );
}

export function FilingPage(props: { ctx: PageContext; f: FilingDetail; canFile: boolean; values: FormValues; errors: FieldErrorView[]; notice?: string }) {
  const { ctx, f, values, errors } = props;
  const draft = f.status === 'draft';
  return (
    <ConsoleLayout ctx={ctx} title={filingTitle(f)} errors={errors} notice={props.notice}>
      <p class="record-links">
        <a href={`/console/filings/${f.id}/export.xlsx`}>导出 Excel</a>
        <a href={`/console/filings/${f.id}/export.docx`}>导出 Word</a>
        <a href="/console/filings">返回备案列表</a>
      </p>
      <p>{draft ? '草稿，待审查和报送。' : `已于 ${f.filedOn} 报送${f.filedTo}（${f.filedBy}）。`}</p>
      {f.rows.length === 0 ? <p class="muted">本季度没有不予公开的答复。</p> : (
        <table class="table">
          <thead><tr><th scope="col">序号</th><th scope="col">申请人</th><th scope="col">答复日期</th><th scope="col">信息名称或内容</th><th scope="col">文号</th><th scope="col">理由及依据</th><th scope="col">密级与保密审查意见</th></tr></thead>
          <tbody>
            {f.rows.map((r, i) => (
              <tr>
                <td>{i + 1}</td>
                <td><a href={requestHref(r.requestId)}>{r.applicantNameMasked}</a></td>
                <td>{r.repliedOn}</td><td>{r.description}</td><td>{r.docNumber}</td><td>{reasonText(r.reason)}</td>
                <td>
                  {draft ? (
                    <form method="post" action={`/console/filings/${f.id}/rows/${r.id}`} class="form inline-form" novalidate>
                      <Csrf ctx={ctx} />
                      <Select name={`level-${r.id}`} label="密级" emptyLabel="（请选择）" options={LEVELS} values={{ [`level-${r.id}`]: r.classificationLevel, ...values }} errors={errors} />
                      <TextInput name={`opinion-${r.id}`} label="保密审查意见" values={{ [`opinion-${r.id}`]: r.confidentialityOpinion, ...values }} errors={errors} />
                      <button type="submit" class="button button-secondary">保存</button>
                    </form>
                  ) : `${r.classificationLevel ? CLASSIFICATION_LEVEL_LABELS[r.classificationLevel] : ''} ${r.confidentialityOpinion}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {draft && props.canFile && (
        <form method="post" action={`/console/filings/${f.id}/filed`} class="form action-form" novalidate>
          <Csrf ctx={ctx} />
          <h2>登记报送</h2>
          <TextInput name="filedOn" label="报送日期" type="date" required values={values} errors={errors} />
          <TextInput name="filedTo" label="报送机关" hint="如：本级保密行政管理部门、上级政务公开主管部门" required values={values} errors={errors} />
          <button type="submit" class="button">登记已报送</button>
        </form>
      )}
    </ConsoleLayout>
  );
}
