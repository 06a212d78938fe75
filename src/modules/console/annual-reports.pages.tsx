// Console pages of the annual report (第四十九、五十条): the years with their reports, and one
// report: consistency checks (with the requests that break them), hand-entered figures marked
// 手工填报, the narrative, a preview of the document, downloads and submission for review.
import {
  AnnualReportDocument, buildReportModel, manualCells, REPORT_STATUS_LABELS,
  type AnnualReportFigures, type AnnualReportView,
} from '../reports/index.ts';
import { ConsoleLayout, Csrf, TextArea, errorFor, value, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';

export function AnnualReportsPage(props: { ctx: PageContext; years: { year: number; report: AnnualReportView | null }[]; canEdit: boolean; errors: FieldErrorView[] }) {
  return (
    <ConsoleLayout ctx={props.ctx} title="政府信息公开工作年度报告" errors={props.errors}>
      <p>年度报告须于每年 1 月 31 日前向社会公布（《条例》第四十九条）。报告提交后作为“年报”栏目的信息进入审核流程，发布后在门户网站“年度报告”中公开。</p>
      <div class="table-wrap" role="region" aria-label="各年度报告" tabIndex={0}>
        <table class="table">
          <caption class="visually-hidden">各年度报告</caption>
          <thead><tr><th scope="col">年度</th><th scope="col">状态</th><th scope="col">操作</th></tr></thead>
          <tbody>
            {props.years.map(({ year, report }) => (
              <tr>
                <th scope="row">{year}年</th>
                <td>{report ? REPORT_STATUS_LABELS[report.status] : '未编制'}</td>
                <td>
                  {report ? <a href={`/console/reports/${report.id}`}>查看<span class="visually-hidden">{year}年度报告</span></a>
                    : props.canEdit && (
                      <form method="post" action="/console/reports" class="inline-form">
                        <Csrf ctx={props.ctx} />
                        <input type="hidden" name="year" value={String(year)} />
                        <button type="submit" class="button button-secondary">编制<span class="visually-hidden">{year}年度报告</span></button>
                      </form>
                    )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ConsoleLayout>
  );
}

function Checks(props: { figures: AnnualReportFigures }) {
  const failed = props.figures.checks.filter((c) => !c.ok);
  return (
    <section aria-labelledby="checks-title">
      <h2 id="checks-title">表三数据校验</h2>
      {failed.length === 0 ? <p>三项校验（一加二等于七加四；七等于一至六之和；总计等于各类申请人之和）均已通过。</p> : (
        <div class="error-summary" role="alert">
          <p>以下校验未通过，须先处理所列申请才能提交：</p>
          <ul>
            {failed.map((c) => (
              <li>
                {c.name}{c.column ? `（${c.column}）` : ''}：{c.detail}
                <ul>
                  {c.requests.map((r) => <li><a href={`/console/requests?q=${encodeURIComponent(r.trackingCode)}`}>{r.trackingCode}</a>：{r.problem}</li>)}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function ManualForm(props: { ctx: PageContext; report: AnnualReportView; values: FormValues; errors: FieldErrorView[] }) {
  const cells = manualCells(props.report.format);
  const shown = (key: string) => (key in props.values ? value(props.values, key) : props.report.manual[key] == null ? '' : String(props.report.manual[key]));
  return (
    <form method="post" action={`/console/reports/${props.report.id}/manual`} class="form" novalidate>
      <Csrf ctx={props.ctx} />
      <fieldset>
        <legend>手工填报的数据（平台不能统计的，不填则留空）</legend>
        {cells.map((c) => {
          const error = errorFor(props.errors, c.key);
          return (
            <div class={error ? 'field field-error' : 'field'}>
              <label for={c.key}>{c.section} {c.row}：{c.column}<span class="tag">手工填报</span></label>
              {error && <p class="error-message" id={`${c.key}-error`}>{error}</p>}
              <input id={c.key} name={c.key} type="text" inputmode="decimal" value={shown(c.key)} aria-describedby={error ? `${c.key}-error` : undefined} />
            </div>
          );
        })}
      </fieldset>
      <button type="submit" class="button button-secondary">保存手工填报数据</button>
    </form>
  );
}

export function AnnualReportPage(props: {
  ctx: PageContext; report: AnnualReportView; figures: AnnualReportFigures; canEdit: boolean; values: FormValues; errors: FieldErrorView[]; notice?: string;
}) {
  const { report, figures } = props;
  const editable = props.canEdit && report.status === 'draft';
  const narrativeValues: FormValues = { ...report.narrative, ...props.values };
  return (
    <ConsoleLayout ctx={props.ctx} title={report.title} errors={props.errors} notice={props.notice} wide>
      <p>状态：{REPORT_STATUS_LABELS[report.status]}
        {report.catalogItemId && <> · <a href={`/console/items/${report.catalogItemId}`}>查看审核流程中的信息</a></>}
        {' '}· 格式：{report.format === '2021' ? '2021年版（国办公开办函〔2021〕30号）' : '2019年版（国办公开办函〔2019〕60号）'}
      </p>
      <p>
        <a href={`/console/reports/${report.id}/download.docx`} class="button button-secondary">下载 Word</a>{' '}
        <a href={`/console/reports/${report.id}/download.pdf`} class="button button-secondary">下载 PDF</a>
      </p>
      <Checks figures={figures} />
      {editable && (
        <>
          <h2>手工填报</h2>
          <ManualForm ctx={props.ctx} report={report} values={props.values} errors={props.errors} />
          <h2>报告正文</h2>
          <form method="post" action={`/console/reports/${report.id}/narrative`} class="form" novalidate>
            <Csrf ctx={props.ctx} />
            <TextArea name="overview" label="一、总体情况" hint="已按统计数据预填，请补全“……”处" rows={12} values={narrativeValues} errors={props.errors} />
            <TextArea name="problems" label="五、存在的主要问题及改进情况" rows={6} values={narrativeValues} errors={props.errors} />
            <TextArea name="other" label="六、其他需要报告的事项" hint="含信息处理费收取情况" rows={4} values={narrativeValues} errors={props.errors} />
            <button type="submit" class="button">保存正文</button>
          </form>
          <form method="post" action={`/console/reports/${report.id}/submit`} class="form">
            <Csrf ctx={props.ctx} />
            <button type="submit" class="button">提交审核</button>
          </form>
        </>
      )}
      <h2>预览</h2>
      <div class="report-preview">
        <AnnualReportDocument model={buildReportModel(figures, report.narrative)} />
      </div>
    </ConsoleLayout>
  );
}
