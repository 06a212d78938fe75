// /console/reading-rooms: the reading-room provision checklist (查阅场所, 条例 第二十五条). Rows not
// yet provided come first, overdue first; the office ticks many at once with a date. States are
// written out in words (never colour alone). The room list has a page of its own (the office and
// the system administrator keep it; 三员分立: the administrator does not see the checklist).
import type { ProvisionRow, ReadingRoom } from '../office-records/index.ts';
import { ConsoleLayout, Csrf, TextArea, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';

const STATE_LABELS = { onTime: '未到期', dueSoon: '即将到期', overdue: '已逾期' } as const;

export interface ReadingRoomsView {
  rooms: ReadingRoom[];
  rows: ProvisionRow[];
  roomName: string;
  state: 'open' | 'provided' | 'all';
  todayOn: string;
  canTick: boolean;
  canEditRooms: boolean;
}

function Filter(props: { v: ReadingRoomsView }) {
  const { v } = props;
  return (
    <form method="get" action="/console/reading-rooms" class="filter-form">
      <label for="room">查阅场所</label>
      <select id="room" name="room">
        <option value="">全部</option>
        {v.rooms.map((r) => <option value={r.name} selected={r.name === v.roomName}>{r.name}</option>)}
      </select>
      <label for="state">状态</label>
      <select id="state" name="state">
        <option value="open" selected={v.state === 'open'}>未提供</option>
        <option value="provided" selected={v.state === 'provided'}>已提供</option>
        <option value="all" selected={v.state === 'all'}>全部</option>
      </select>
      <button type="submit" class="button button-secondary">筛选</button>
    </form>
  );
}

function Rows(props: { rows: ProvisionRow[]; canTick: boolean }) {
  return (
    <tbody>
      {props.rows.map((r) => (
        <tr class={r.dueState ? `row-${r.dueState}` : undefined}>
          {props.canTick && (
            <td>{!r.providedOn && <input type="checkbox" name="ids" value={r.id} id={`p-${r.id}`} aria-label={`${r.title}（${r.roomName}）`} />}</td>
          )}
          <th scope="row"><a href={`/console/items/${r.itemId}`}>{r.title}</a></th>
          <td>{r.roomName}</td>
          <td>{r.publishedOn}</td>
          <td>{r.dueOn}</td>
          <td>{r.providedOn ? `已于 ${r.providedOn} 提供（${r.providedBy ?? ''}）` : <span class={`due-state due-${r.dueState}`}>{STATE_LABELS[r.dueState ?? 'onTime']}</span>}</td>
        </tr>
      ))}
    </tbody>
  );
}

export function ReadingRoomsPage(props: { ctx: PageContext; v: ReadingRoomsView; values: FormValues; errors: FieldErrorView[]; notice?: string }) {
  const { v, ctx } = props;
  const open = v.rows.some((r) => !r.providedOn);
  const table = (
    <div class="table-wrap" role="region" aria-label="查阅场所提供情况" tabIndex={0}>
      <table class="table" id="provision-table">
        <caption>发布后 20 个工作日内提供给各查阅场所（截至 {v.todayOn}，共 {v.rows.length} 条）</caption>
        <thead>
          <tr>
            {v.canTick && <th scope="col">选择</th>}
            <th scope="col">信息</th><th scope="col">查阅场所</th><th scope="col">发布日期</th><th scope="col">应提供截止</th><th scope="col">状态</th>
          </tr>
        </thead>
        <Rows rows={v.rows} canTick={v.canTick} />
      </table>
    </div>
  );
  return (
    <ConsoleLayout ctx={ctx} title="查阅场所提供清单" errors={props.errors} notice={props.notice} wide>
      {v.rooms.length === 0 && <p class="empty">本机关尚未设置查阅场所。</p>}
      <Filter v={v} />
      {v.rows.length === 0 ? <p class="empty">没有符合条件的记录。</p> : v.canTick && open ? (
        <form method="post" action="/console/reading-rooms/provided">
          <Csrf ctx={ctx} />
          {table}
          <div class="field">
            <label for="providedOn">提供日期</label>
            <input id="providedOn" name="providedOn" type="date" value={(props.values.providedOn as string | undefined) ?? v.todayOn} />
          </div>
          <button type="submit" class="button">登记所选为已提供</button>
        </form>
      ) : table}
      {v.canEditRooms && <p><a href="/console/reading-rooms/rooms">查阅场所设置</a></p>}
    </ConsoleLayout>
  );
}

/** The room list (名称 | 地址 | 开放时间, one line each): configuration, also shown on the portal's guide. */
export function ReadingRoomSettingsPage(props: { ctx: PageContext; rooms: ReadingRoom[]; canSeeChecklist: boolean; values: FormValues; errors: FieldErrorView[]; notice?: string }) {
  const { ctx, rooms } = props;
  const saved = { rooms: rooms.map((r) => [r.name, r.address, r.hours].join(' | ')).join('\n') };
  return (
    <ConsoleLayout ctx={ctx} title="查阅场所设置" errors={props.errors} notice={props.notice}>
      {rooms.length === 0 && <p class="empty">本机关尚未设置查阅场所。</p>}
      <form method="post" action="/console/reading-rooms/rooms">
        <Csrf ctx={ctx} />
        <TextArea name="rooms" label="查阅场所" rows={5} values={props.values.rooms !== undefined ? props.values : saved}
          errors={props.errors} hint="每行一个：名称 | 地址 | 开放时间。新增的查阅场所自次日起补登近一个月发布的信息。" />
        <button type="submit" class="button">保存查阅场所</button>
      </form>
      {props.canSeeChecklist && <p><a href="/console/reading-rooms">返回查阅场所提供清单</a></p>}
    </ConsoleLayout>
  );
}
