// /console/assessment: per department figures and scores for a period, the XLSX export, and the
// scoring rule (editable by the disclosure office; everyone else sees it read-only).
import { RULE_FIELDS, type Assessment } from '../reports/index.ts';
import { ConsoleLayout, Csrf, TextInput, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';
import { AgencySwitch } from './dashboard.pages.tsx';

const RULE_LABELS: Record<(typeof RULE_FIELDS)[number], string> = {
  baseScore: '基础分',
  perLateItem: '每件逾期发布扣分',
  perLateReply: '每件逾期答复扣分',
  perIgnoredReminder: '每条未处理提醒扣分',
  perTenPercentSentBack: '送审退回率每满 10% 扣分',
  perTenPercentReturned: '答复退回率每满 10% 扣分',
};

const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

export function AssessmentPage(props: { ctx: PageContext; a: Assessment; canEdit: boolean; values: FormValues; errors: FieldErrorView[]; notice?: string }) {
  const { a } = props;
  const q = a.scope.supervised ? `&agency=${encodeURIComponent(a.scope.agency.id)}` : '';
  return (
    <ConsoleLayout ctx={props.ctx} title={`考核：${a.period.label}`} errors={props.errors} notice={props.notice} wide>
      <AgencySwitch action="/console/assessment" choices={a.scope.choices} current={a.scope.agency.id} extra={{ period: a.period.key }} />
      <form method="get" action="/console/assessment" class="inline-form">
        <label for="period">考核期间</label>{' '}
        <input id="period" name="period" value={a.period.key} aria-describedby="period-hint" />{' '}
        <span id="period-hint" class="hint">年（2025）、季度（2025-Q3）或月份（2025-09）</span>
        {a.scope.supervised && <input type="hidden" name="agency" value={a.scope.agency.id} />}{' '}
        <button type="submit" class="button button-quiet">查看</button>
      </form>
      <p><a class="button" href={`/console/assessment.xlsx?period=${encodeURIComponent(a.period.key)}${q}`}>导出 Excel</a></p>
      <div class="table-wrap" role="region" aria-label="各部门考核情况" tabIndex={0}>
        <table class="table" id="assessment-table">
          <caption>{a.scope.agency.name} 各部门考核情况（{a.period.fromOn} 至 {a.period.toOn}）</caption>
          <thead>
            <tr>
              <th scope="col">部门</th><th scope="col">发布信息</th><th scope="col">逾期发布</th><th scope="col">审定答复</th><th scope="col">逾期答复</th>
              <th scope="col">提醒</th><th scope="col">未处理提醒</th><th scope="col">送审退回率</th><th scope="col">答复退回率</th><th scope="col">扣分</th><th scope="col">得分</th>
            </tr>
          </thead>
          <tbody>
            {a.departments.map((d) => (
              <tr>
                <th scope="row">{d.departmentName}</th><td class="num">{d.itemsPublished}</td><td class="num">{d.itemsLate}</td>
                <td class="num">{d.repliesApproved}</td><td class="num">{d.repliesLate}</td><td class="num">{d.remindersSent}</td>
                <td class="num">{d.remindersIgnored}</td>
                <td class="num">{percent(d.sentBackRate)}（{d.reviewSendBacks}/{d.reviewSubmissions}）</td>
                <td class="num">{percent(d.returnRate)}（{d.replyReturns}/{d.replySubmissions}）</td>
                <td class="num">{d.deductions}</td><td class="num"><strong>{d.score}</strong></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details class="explain">
        <summary>各项指标如何计算</summary>
        <ul>
          <li>逾期发布：考核期间内发布、发布日期晚于应发布日期的信息（第二十六条）。</li>
          <li>逾期答复：考核期间内审定、审定之日晚于答复期限的申请，按主办单位统计。</li>
          <li>未处理提醒：发给本部门的到期提醒和栏目更新提醒，在所提醒的到期日结束前未在“消息提醒”中阅读的（逾期通知须在发出当日阅读）；到期日尚未过去的提醒暂不计入。</li>
          <li>送审退回率：信息审核中退回次数 ÷ 提交审核次数；答复退回率：公开办退回答复稿次数 ÷ 提交答复稿次数。</li>
        </ul>
      </details>
      <section aria-labelledby="h-rule">
        <h2 id="h-rule">评分规则{a.rule.isDefault ? '（默认）' : ''}</h2>
        {props.canEdit && !a.scope.supervised ? (
          <form method="post" action="/console/assessment/rule" class="form" novalidate>
            <Csrf ctx={props.ctx} />
            <input type="hidden" name="period" value={a.period.key} />
            {RULE_FIELDS.map((f) => <TextInput name={f} label={RULE_LABELS[f]} values={props.values} errors={props.errors} hint="0 或正数，最多一位小数" />)}
            <button type="submit" class="button">保存评分规则</button>
          </form>
        ) : (
          <dl class="figures">
            {RULE_FIELDS.map((f) => <div><dt>{RULE_LABELS[f]}</dt><dd>{a.rule[f]}</dd></div>)}
          </dl>
        )}
      </section>
    </ConsoleLayout>
  );
}
