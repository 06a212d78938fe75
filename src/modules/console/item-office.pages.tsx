// The office-records part of the item record page: clarification facts and the form that marks a
// draft as a clarification (澄清, fast review path), the release coordination link with the open
// letter's due state (发布协调), and the item's reading-room rows (查阅场所, 条例 第二十五条).
import { hasRole } from '../accounts/index.ts';
import { Csrf, TextArea, TextInput, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';
import { DueCell } from './home.pages.tsx';
import type { ItemOfficeView } from './item-office.ts';

const ROOM_DUE_LABELS = { onTime: '未到期', dueSoon: '即将到期', overdue: '已逾期' } as const;

function ClarificationFacts(props: { view: ItemOfficeView }) {
  const c = props.view.clarification;
  if (!c) return null;
  return (
    <dl class="facts clarification-facts">
      <dt>类型</dt>
      <dd><span class="tag tag-clarification">澄清</span> 审核走快速通道：保密审查、领导审定，每一环节 1 个工作日内办结。</dd>
      {c.correctsItemId && (
        <>
          <dt>所澄清的信息</dt>
          <dd><a href={`/console/items/${c.correctsItemId}`}>{c.correctsTitle ?? c.correctsItemId}</a></dd>
        </>
      )}
      {c.circulatingInfo && (
        <>
          <dt>流传的信息</dt>
          <dd>{c.circulatingInfo}</dd>
        </>
      )}
      {c.circulatingUrl && (
        <>
          <dt>流传信息的网址</dt>
          <dd><a href={c.circulatingUrl} rel="noopener noreferrer nofollow">{c.circulatingUrl}</a></dd>
        </>
      )}
    </dl>
  );
}

function ClarificationForm(props: { ctx: PageContext; itemId: string; marked: boolean; values: FormValues; errors: FieldErrorView[] }) {
  return (
    <form method="post" action={`/console/items/${props.itemId}/clarification`} class="form action-form" novalidate>
      <Csrf ctx={props.ctx} />
      <h3>{props.marked ? '修改澄清说明' : '标记为澄清信息'}</h3>
      <p class="hint">澄清信息用于澄清虚假或者不完整的信息（条例第六条），提交后走快速审核通道。请至少填写一项。</p>
      <TextInput name="correctsItem" label="所澄清的已发布信息（索引号或编号）" values={props.values} errors={props.errors}
        hint="例如 11360700MB1234567X/2025-00012；须为本机关已发布的信息" />
      <TextArea name="circulatingInfo" label="流传的虚假或不完整信息" values={props.values} errors={props.errors} rows={3} />
      <TextInput name="circulatingUrl" label="流传信息的网址" type="url" values={props.values} errors={props.errors} hint="以 http:// 或 https:// 开头" />
      <button type="submit" class="button">{props.marked ? '保存澄清说明' : '标记为澄清信息'}</button>
    </form>
  );
}

function Coordination(props: { itemId: string; view: ItemOfficeView }) {
  const { openLetter, letters } = props.view;
  return (
    <div class="office-coordination">
      <h3>发布协调</h3>
      <p>
        <a href={`/console/items/${props.itemId}/coordination`}>发布协调（{letters} 份协调函）</a>
        {!openLetter && letters === 0 && <span class="muted">（内容涉及其他机关的，发布前应发函协调）</span>}
      </p>
      {openLetter && (
        <div class="open-coordination">
          <p>{openLetter.number} 致{openLetter.recipientAgency}，等待答复；答复前或期限届满前不能发布。</p>
          <DueCell dueOn={openLetter.dueOn} dueState={openLetter.dueState} explanation={openLetter.dueExplanation} />
        </div>
      )}
    </div>
  );
}

/** `linked`: the viewer may open the checklist (the office, the leaders); others see the room name only. */
function ReadingRooms(props: { itemId: string; view: ItemOfficeView; linked: boolean }) {
  const { rooms } = props.view;
  if (!rooms.length) return null;
  return (
    <div class="office-rooms">
      <h3>查阅场所提供情况</h3>
      <table class="table">
        <thead>
          <tr><th scope="col">查阅场所</th><th scope="col">提供期限</th><th scope="col">提供情况</th></tr>
        </thead>
        <tbody>
          {rooms.map((r) => (
            <tr>
              <td>{props.linked ? <a href={`/console/reading-rooms?room=${encodeURIComponent(r.roomName)}`}>{r.roomName}</a> : r.roomName}</td>
              <td>{r.dueOn}{r.dueState && <span class={`due-state due-${r.dueState}`}>{ROOM_DUE_LABELS[r.dueState]}</span>}</td>
              <td>{r.providedOn ? `已于 ${r.providedOn} 提供（${r.providedBy ?? ''}）` : '未提供'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ItemOfficePanel(props: { ctx: PageContext; itemId: string; view: ItemOfficeView; values: FormValues; errors: FieldErrorView[] }) {
  const { view } = props;
  return (
    <section aria-labelledby="office-title" class="office-records">
      <h2 id="office-title">公开办事项</h2>
      <ClarificationFacts view={view} />
      {view.canMark && <ClarificationForm ctx={props.ctx} itemId={props.itemId} marked={view.clarification !== null} values={props.values} errors={props.errors} />}
      <Coordination itemId={props.itemId} view={view} />
      <ReadingRooms itemId={props.itemId} view={view} linked={!!props.ctx.user && hasRole(props.ctx.user, 'officer', 'leader')} />
    </section>
  );
}
