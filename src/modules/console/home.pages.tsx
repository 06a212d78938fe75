// "My work": the queue grouped by what the user must do next, oldest due first, each row with
// its due date, a coloured state with a text label (never colour alone) and the deadline's
// explanation in a title attribute and a <details> element (works without JS).
import type { QueueEntry, ReviewVerb } from '../review/review.contract.ts';
import { VERB_LABELS } from '../review/review.contract.ts';
import { STATUS_LABELS } from '../catalog/catalog.contract.ts';
import { ConsoleLayout, type PageContext } from './console.layout.tsx';
import { canManageCalendar, canSeeDashboards, navEntries } from './console.policy.ts';
import type { InspectionSummary } from '../participation/index.ts';

const GROUP_TITLES: Record<ReviewVerb, string> = {
  submit: '待我提交审核',
  approve: '待我审核',
  sendBack: '待我审核',
  publish: '待我复核发布',
  takedown: '已发布、可撤稿',
};
const GROUP_ORDER: ReviewVerb[] = ['approve', 'publish', 'submit', 'takedown'];

export const DUE_STATE_LABELS = { overdue: '已超期', dueSoon: '即将到期', onTime: '按期' } as const;

export function DueCell(props: { dueOn: string | null; dueState: keyof typeof DUE_STATE_LABELS | null; explanation: string | null }) {
  if (!props.dueOn) return <span class="muted">无期限</span>;
  const state = props.dueState ?? 'onTime';
  return (
    <div class="due">
      <span title={props.explanation ?? undefined}>{props.dueOn}</span>{' '}
      <span class={`due-state due-${state}`}>{DUE_STATE_LABELS[state]}</span>
      {props.explanation && (
        <details class="due-explain">
          <summary>期限如何计算</summary>
          <p>{props.explanation}</p>
        </details>
      )}
    </div>
  );
}

function groupKey(entry: QueueEntry): ReviewVerb {
  const v = entry.verbs[0] ?? 'submit';
  return v === 'sendBack' ? 'approve' : v;
}

/** Oldest due first; entries without a deadline last, then by last change. */
function byDue(a: QueueEntry, b: QueueEntry): number {
  if (a.dueOn !== b.dueOn) return a.dueOn === null ? 1 : b.dueOn === null ? -1 : a.dueOn.localeCompare(b.dueOn);
  return a.item.updatedAt.localeCompare(b.item.updatedAt);
}

function MessagesSummary(props: { summary: InspectionSummary }) {
  const s = props.summary;
  if (s.open === 0) return null;
  return (
    <section aria-labelledby="messages-summary" class={s.breached > 0 || s.pastTwoMonths > 0 ? 'notice notice-warning' : 'notice'}>
      <h2 id="messages-summary">在线咨询和局长信箱</h2>
      <p>
        未答复 {s.open} 条，其中超过答复期限 {s.overdue} 条、超过 1 个月 {s.pastOneMonth} 条、超过 2 个月 {s.pastTwoMonths} 条、
        已超过 3 个月 {s.breached} 条{s.nextInspectionDueOn ? `；最早的 3 个月期限为 ${s.nextInspectionDueOn}` : ''}。
        <a href="/console/messages">去处理</a>
      </p>
    </section>
  );
}

function CalendarYearMissing(props: { year: number; canFix: boolean }) {
  return (
    <section aria-labelledby="calendar-missing" class="notice notice-warning">
      <h2 id="calendar-missing">工作日历缺少 {props.year} 年的节假日安排</h2>
      <p>
        到期日在 {props.year} 年的答复、补正、延期和发布期限将无法计算，相关办理操作会被拒绝。国务院办公厅公布放假安排后，
        {props.canFix ? <>请在<a href="/console/calendar">工作日历</a>中录入 {props.year} 年的节假日和调休上班日。</> : '请联系系统管理员在“工作日历”中录入。'}
      </p>
    </section>
  );
}

export function HomePage(props: { ctx: PageContext; queue: QueueEntry[] | null; messages?: InspectionSummary | null; calendarYear?: number | null; notice?: string }) {
  const queue = props.queue ?? [];
  const groups = GROUP_ORDER.map((verb) => ({ verb, entries: queue.filter((e) => groupKey(e) === verb).sort(byDue) })).filter((g) => g.entries.length);
  const user = props.ctx.user;
  return (
    <ConsoleLayout ctx={props.ctx} title="我的待办" notice={props.notice}>
      {props.queue === null && user && (
        <>
          <p>管理员账号不办理政府信息，可使用以下管理功能：</p>
          <ul class="link-list">
            {navEntries(user, props.ctx).slice(1).map((e) => <li><a href={e.href}>{e.label}</a></li>)}
          </ul>
        </>
      )}
      {user && canSeeDashboards(user) && (
        <p class="dashboard-link"><a href="/console/dashboard">工作概况：办理中、本周到期和超期的申请，待审核信息，近 12 个月趋势</a></p>
      )}
      {props.calendarYear && user && <CalendarYearMissing year={props.calendarYear} canFix={canManageCalendar(user)} />}
      {props.messages && <MessagesSummary summary={props.messages} />}
      {props.queue !== null && groups.length === 0 && <p class="empty">目前没有需要您处理的事项。</p>}
      {groups.map((g) => (
        <section aria-labelledby={`group-${g.verb}`} class="queue-group">
          <h2 id={`group-${g.verb}`}>{GROUP_TITLES[g.verb]}（{g.entries.length}）</h2>
          <div class="table-wrap" role="region" aria-label={GROUP_TITLES[g.verb]} tabIndex={0}>
            <table class="table">
              <thead>
                <tr><th scope="col">标题</th><th scope="col">栏目</th><th scope="col">状态</th><th scope="col">可办理</th><th scope="col">到期日</th></tr>
              </thead>
              <tbody>
                {g.entries.map((e) => (
                  <tr class={e.dueState ? `row-${e.dueState}` : undefined}>
                    <td><a href={`/console/items/${e.item.id}`}>{e.item.title}</a></td>
                    <td>{e.item.columnName}</td>
                    <td>{STATUS_LABELS[e.item.status]}</td>
                    <td>{e.verbs.map((v) => VERB_LABELS[v]).join('、')}</td>
                    <td><DueCell dueOn={e.dueOn} dueState={e.dueState} explanation={e.dueExplanation} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </ConsoleLayout>
  );
}
