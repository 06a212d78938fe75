// Working-day calendar administration: covered years, one year's holidays and adjusted
// workdays, and the form to add or correct a year.
import type { CalendarDay } from '../../core/time/calendar.ts';
import { Csrf, ConsoleLayout, TextArea, TextInput, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';
import { shanghaiDateTime } from './format.ts';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

export function CalendarPage(props: {
  ctx: PageContext;
  years: { year: number; source: string; updatedAt: string; updatedBy: string }[];
  selected: { year: number; days: CalendarDay[] } | null;
  values: FormValues;
  errors: FieldErrorView[];
  notice?: string;
}) {
  const { ctx, selected } = props;
  return (
    <ConsoleLayout ctx={ctx} title="工作日历" errors={props.errors} notice={props.notice}>
      <p>期限按工作日计算（国务院办公厅每年公布的放假安排，含调休上班日）。日历未覆盖的年份无法计算期限，请在国务院公布次年安排后及时录入。</p>
      <section aria-labelledby="years-title">
        <h2 id="years-title">已录入的年份</h2>
        <div class="table-wrap" role="region" aria-label="已录入的年份" tabIndex={0}>
          <table class="table">
            <thead>
              <tr><th scope="col">年份</th><th scope="col">来源</th><th scope="col">更新时间</th><th scope="col">更新人</th></tr>
            </thead>
            <tbody>
              {props.years.map((y) => (
                <tr>
                  <td><a href={`/console/calendar?year=${y.year}`}>{y.year} 年</a></td>
                  <td>{y.source}</td>
                  <td>{shanghaiDateTime(y.updatedAt)}</td>
                  <td>{y.updatedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {selected && (
        <section aria-labelledby="days-title">
          <h2 id="days-title">{selected.year} 年放假与调休安排</h2>
          <div class="table-wrap" role="region" aria-label="放假与调休安排" tabIndex={0}>
            <table class="table">
              <thead>
                <tr><th scope="col">日期</th><th scope="col">星期</th><th scope="col">类型</th><th scope="col">名称</th></tr>
              </thead>
              <tbody>
                {selected.days.map((d) => (
                  <tr>
                    <td>{d.date}</td>
                    <td>星期{WEEKDAYS[new Date(`${d.date}T00:00:00Z`).getUTCDay()]}</td>
                    <td>{d.kind === 'holiday' ? <span class="tag tag-holiday">放假</span> : <span class="tag tag-workday">调休上班</span>}</td>
                    <td>{d.name}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <section aria-labelledby="entry-title">
        <h2 id="entry-title">录入或更正一年</h2>
        <form method="post" action="/console/calendar" class="form" novalidate>
          <Csrf ctx={ctx} />
          <TextInput name="year" label="年份" hint="例如 2027" values={props.values} errors={props.errors} required />
          <TextArea
            name="days"
            label="放假与调休上班日"
            hint="每行一天：日期、空格、“休”或“班”、空格、名称。例如：2027-01-01 休 元旦；2027-02-07 班 春节调休。周末不必录入，除非是调休上班日。保存后将整体替换该年份的安排，并重新计算所有未结事项的期限。"
            rows={16}
            values={props.values}
            errors={props.errors}
            required
          />
          <button type="submit" class="button">保存并重新计算期限</button>
        </form>
      </section>
    </ConsoleLayout>
  );
}
