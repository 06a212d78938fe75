// 在线咨询 / 局长信箱 in the console: the inbox with the reply deadline and the "3个月期限" of
// every open message (国办秘函〔2019〕19号), and the record page whose buttons are only the
// actions the user may take (route, draft, return, approve and publish, mark invalid).
import { MESSAGE_KIND_LABELS, MESSAGE_STATUS_LABELS, type InspectionSummary, type MessageView } from '../participation/index.ts';
import { ConsoleLayout, Csrf, Select, TextArea, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';

export const messageHref = (id: string) => `/console/messages/${encodeURIComponent(id)}`;

const STAGE_LABELS = { none: '', oneMonth: '已满1个月', twoMonths: '已满2个月', breached: '已超3个月' } as const;

function Summary({ s }: { s: InspectionSummary }) {
  return (
    <p class={s.breached || s.pastTwoMonths ? 'notice notice-warning' : 'hint'}>
      未答复的有效留言 {s.open} 条，其中超过答复期限 {s.overdue} 条，已满1个月 {s.pastOneMonth} 条，已满2个月 {s.pastTwoMonths} 条，已超过3个月 {s.breached} 条
      {s.nextInspectionDueOn && `；最近的3个月期限：${s.nextInspectionDueOn}`}。
    </p>
  );
}

export function MessagesListPage(props: { ctx: PageContext; items: MessageView[]; summary: InspectionSummary | null; status: string }) {
  const tabs = [
    { value: 'open', label: '未答复' }, { value: 'answered', label: '已答复' }, { value: 'invalid', label: '无效留言' },
  ];
  return (
    <ConsoleLayout ctx={props.ctx} title="在线咨询和局长信箱" wide>
      {props.summary && <Summary s={props.summary} />}
      <nav aria-label="留言筛选">
        <ul class="tabs">
          {tabs.map((t) => (
            <li><a href={`/console/messages?status=${t.value}`} aria-current={t.value === props.status ? 'page' : undefined}>{t.label}</a></li>
          ))}
        </ul>
      </nav>
      {props.items.length === 0 ? (
        <p class="muted">没有留言。</p>
      ) : (
        <table class="table">
          <thead><tr><th scope="col">查询码</th><th scope="col">类型</th><th scope="col">标题</th><th scope="col">收到日期</th><th scope="col">答复期限</th><th scope="col">3个月期限</th><th scope="col">状态</th></tr></thead>
          <tbody>
            {props.items.map((m) => (
              <tr>
                <td><a href={messageHref(m.id)}>{m.trackingCode}</a></td>
                <td>{MESSAGE_KIND_LABELS[m.kind]}</td>
                <td>{m.subject}</td>
                <td>{m.receivedOn}</td>
                <td>{m.replyDueOn}</td>
                <td>{m.status === 'answered' || m.status === 'invalid' ? '—' : `${m.inspectionDueOn}${m.stage !== 'none' ? `（${STAGE_LABELS[m.stage]}）` : ''}`}</td>
                <td>{MESSAGE_STATUS_LABELS[m.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ConsoleLayout>
  );
}

export interface MessageActions {
  route: boolean;
  draft: boolean;
  approve: boolean;
  invalid: boolean;
}

export function MessageRecordPage(props: { ctx: PageContext; m: MessageView; departments: { id: string; name: string }[]; actions: MessageActions; values: FormValues; errors: FieldErrorView[]; notice?: string }) {
  const { ctx, m, actions, errors } = props;
  const base = messageHref(m.id);
  const values = { answer: m.answer, departmentId: m.departmentId ?? '', ...props.values };
  const open = m.status !== 'answered' && m.status !== 'invalid';
  const dept = props.departments.find((d) => d.id === m.departmentId)?.name ?? '未分办';
  return (
    <ConsoleLayout ctx={ctx} title={`${MESSAGE_KIND_LABELS[m.kind]} ${m.trackingCode}`} errors={errors} notice={props.notice}>
      <p class="record-links"><a href="/console/messages">返回留言列表</a></p>
      <table class="table record-table">
        <tbody>
          <tr><th scope="row">标题</th><td>{m.subject}</td></tr>
          <tr><th scope="row">留言人</th><td>{m.askerName}（{m.phoneMasked}{m.email && `，${m.email}`}）</td></tr>
          <tr><th scope="row">状态</th><td>{MESSAGE_STATUS_LABELS[m.status]}</td></tr>
          <tr><th scope="row">承办科室</th><td>{dept}</td></tr>
          <tr><th scope="row">收到日期</th><td>{m.receivedOn}</td></tr>
          <tr><th scope="row">答复期限</th><td>{m.replyDueOn}</td></tr>
          {open && <tr><th scope="row">3个月期限</th><td>{m.inspectionDueOn}{m.stage !== 'none' && `（${STAGE_LABELS[m.stage]}未答复）`}</td></tr>}
          <tr><th scope="row">同意公开</th><td>{m.consentToPublish ? '同意（答复后公开，个人信息已去除）' : '不同意（答复仅告知留言人）'}</td></tr>
          {m.status === 'answered' && <tr><th scope="row">答复日期</th><td>{m.answeredOn}{m.published ? '，已公开' : ''}</td></tr>}
          {m.status === 'invalid' && <tr><th scope="row">无效理由</th><td>{m.invalidReason}</td></tr>}
        </tbody>
      </table>
      <h2>留言内容</h2>
      <p class="message-text">{m.content}</p>
      {m.answer && !actions.draft && (
        <>
          <h2>答复</h2>
          <p class="message-text">{m.answer}</p>
        </>
      )}
      {actions.route && (
        <form method="post" action={`${base}/route`} class="form action-form" novalidate>
          <Csrf ctx={ctx} />
          <Select name="departmentId" label="承办科室" emptyLabel="请选择" options={props.departments.map((d) => ({ value: d.id, label: d.name }))} values={values} errors={errors} required />
          <button type="submit" class="button">分办</button>
        </form>
      )}
      {actions.draft && (
        <form method="post" action={`${base}/draft`} class="form action-form" novalidate>
          <Csrf ctx={ctx} />
          <TextArea name="answer" label="答复内容" rows={8} hint="公开前会自动去除姓名、电话、证件号码等个人信息" values={values} errors={errors} required />
          <button type="submit" class="button">保存答复稿，送公开办审核</button>
        </form>
      )}
      {actions.approve && (
        <form method="post" action={`${base}/approve`} class="form action-form" novalidate>
          <Csrf ctx={ctx} />
          <button type="submit" class="button">审核通过并答复{m.consentToPublish ? '（同时公开）' : ''}</button>
          <button type="submit" class="button button-secondary" formaction={`${base}/return`}>退回承办科室修改</button>
        </form>
      )}
      {actions.invalid && (
        <form method="post" action={`${base}/invalid`} class="form action-form" novalidate>
          <Csrf ctx={ctx} />
          <TextArea name="reason" label="标记为无效留言的理由" rows={2} hint="如商业广告、辱骂、重复留言；无效留言不计入“3个月未回复”检查" values={values} errors={errors} />
          <button type="submit" class="button button-secondary">标记为无效留言</button>
        </form>
      )}
    </ConsoleLayout>
  );
}
