// The requests pages of the console: the office's register (filters, due-date colour with a text
// label, paging, CSV/XLSX export), the officer's entry of counter/post/fax/e-mail applications
// (第三十一条 receipt date), the department's queue, the supervisor's view and the inbox.
import {
  APPLICANT_TYPE_LABELS, APPLICANT_TYPES, CHANNEL_LABELS, CHANNELS, DELIVERY_METHOD_LABELS, DELIVERY_METHODS, ID_TYPE_LABELS, ID_TYPES,
  REQUEST_KIND_LABELS, REQUEST_KINDS, REQUEST_STATUS_LABELS, REQUEST_STATUSES, type NotificationView, type RequestSummary, type SupervisedAgency,
} from '../requests/index.ts';
import { Choices, Csrf, ConsoleLayout, Select, TextArea, TextInput, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';
import { shanghaiDateTime } from './format.ts';
import { DueCell } from './home.pages.tsx';
import { notificationLink } from './notification-links.ts';
import type { RegisterFilters } from './requests.schemas.ts';

export const requestHref = (id: string) => `/console/requests/${encodeURIComponent(id)}`;

function short(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** One row per request: oldest due first is the service's order. */
export function RequestTable(props: { items: RequestSummary[]; caption: string; showChannel?: boolean }) {
  return (
    <div class="table-wrap" role="region" aria-label={props.caption} tabIndex={0}>
      <table class="table">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">查询码</th><th scope="col">申请人</th><th scope="col">所需信息</th>
            {props.showChannel !== false && <th scope="col">渠道</th>}
            <th scope="col">状态</th><th scope="col">收到日期</th><th scope="col">承办单位</th><th scope="col">答复期限</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((r) => (
            <tr class={r.dueState && r.dueState !== 'onTime' ? `row-${r.dueState}` : undefined}>
              <td><a href={requestHref(r.id)}>{r.trackingCode}</a></td>
              <td>{r.applicantNameMasked}<span class="muted">（{APPLICANT_TYPE_LABELS[r.applicantType]}）</span></td>
              <td>{short(r.infoDescription)}</td>
              {props.showChannel !== false && <td>{CHANNEL_LABELS[r.channel]}</td>}
              <td>{REQUEST_STATUS_LABELS[r.status]}</td>
              <td>{r.receivedOn}</td>
              <td>{r.handlingDepartmentNames.join('、') || '—'}</td>
              <td>{r.closedOn ? <span class="muted">{r.closedOn} 办结</span> : <DueCell dueOn={r.replyDueOn} dueState={r.dueState} explanation={null} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const STATUS_FILTER_OPTIONS = [
  { value: 'open', label: '未办结（全部）' },
  { value: 'overdue', label: '已超期' },
  ...REQUEST_STATUSES.map((s) => ({ value: s, label: REQUEST_STATUS_LABELS[s] })),
];

export function filterQuery(filters: Partial<RegisterFilters>, extra: Record<string, string> = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== '' && k !== 'page') qs.set(k, String(v));
  for (const [k, v] of Object.entries(extra)) qs.set(k, v);
  return qs.toString();
}

export function RegisterPage(props: {
  ctx: PageContext;
  filters: RegisterFilters;
  departments: { id: string; name: string }[];
  result: { items: RequestSummary[]; total: number; page: number; pageSize: number };
  canRegister: boolean;
}) {
  const { filters, result } = props;
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const fv: FormValues = { ...filters, page: undefined } as FormValues;
  const link = (p: number) => `/console/requests?${filterQuery(filters, { page: String(p) })}`;
  const qs = filterQuery(filters);
  return (
    <ConsoleLayout ctx={props.ctx} title="申请登记簿">
      {props.canRegister && <p><a class="button" href="/console/requests/new">登记当面、信函、传真或电子邮件申请</a></p>}
      <form method="get" action="/console/requests" class="filters" role="search" aria-label="筛选申请">
        <Select name="status" label="状态" emptyLabel="全部状态" options={STATUS_FILTER_OPTIONS} values={fv} errors={[]} />
        <Select name="departmentId" label="承办单位" emptyLabel="全部单位" options={props.departments.map((d) => ({ value: d.id, label: d.name }))} values={fv} errors={[]} />
        <Select name="channel" label="申请渠道" emptyLabel="全部渠道" options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} values={fv} errors={[]} />
        <TextInput name="q" label="查询码、申请人或内容" values={fv} errors={[]} />
        <TextInput name="receivedFrom" label="收到日期从" type="date" values={fv} errors={[]} />
        <TextInput name="receivedTo" label="收到日期至" type="date" values={fv} errors={[]} />
        <button type="submit" class="button button-secondary">筛选</button>
      </form>
      <p class="record-links">
        <span class="muted">共 {result.total} 件，第 {result.page} / {pages} 页；{filters.status === 'open' || filters.status === 'overdue' ? '按答复期限先后排列' : '按收到日期由近及远排列'}。</span>
        <a href={`/console/requests/export.csv${qs ? `?${qs}` : ''}`}>导出 CSV</a>
        <a href={`/console/requests/export.xlsx${qs ? `?${qs}` : ''}`}>导出 Excel（XLSX）</a>
      </p>
      <RequestTable items={result.items} caption="申请登记簿" />
      {result.items.length === 0 && <p class="empty">没有符合条件的申请。</p>}
      {pages > 1 && (
        <nav class="pager" aria-label="分页">
          {result.page > 1 && <a href={link(result.page - 1)} rel="prev">上一页</a>}
          <span>第 {result.page} 页</span>
          {result.page < pages && <a href={link(result.page + 1)} rel="next">下一页</a>}
        </nav>
      )}
    </ConsoleLayout>
  );
}

/** 第三十一条: when the request counts as received, by channel. */
export const RECEIPT_RULES = '当面提交的，以提交之日为收到申请之日；以邮寄方式提交的，以签收之日为收到申请之日（平常信函等无需签收的，以双方确认之日为准）；通过传真或电子邮件提交的，以双方确认之日为收到申请之日（条例第三十一条）。';

export function NewRequestPage(props: { ctx: PageContext; values: FormValues; errors: FieldErrorView[] }) {
  const { ctx, values: v, errors } = props;
  return (
    <ConsoleLayout ctx={ctx} title="登记申请" errors={errors}>
      <form method="post" action="/console/requests/new" class="form" novalidate>
        <Csrf ctx={ctx} />
        <Choices name="channel" legend="申请渠道" type="radio" options={CHANNELS.filter((c) => c !== 'online').map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} values={v} errors={errors} />
        <TextInput name="receivedOn" label="收到申请日期" type="date" hint={RECEIPT_RULES} values={v} errors={errors} required />
        <Choices name="kind" legend="申请类型" type="radio" options={REQUEST_KINDS.map((k) => ({ value: k, label: REQUEST_KIND_LABELS[k] }))} values={v} errors={errors} />
        <h2>申请人</h2>
        <Select name="applicantType" label="申请人类型" options={APPLICANT_TYPES.map((t) => ({ value: t, label: APPLICANT_TYPE_LABELS[t] }))} values={v} errors={errors} required />
        <TextInput name="applicantName" label="姓名或名称" values={v} errors={errors} required />
        <Select name="idType" label="证件类型" hint="法人或其他组织选择“统一社会信用代码”" options={ID_TYPES.map((t) => ({ value: t, label: ID_TYPE_LABELS[t] }))} values={v} errors={errors} required />
        <TextInput name="idNumber" label="证件号码" hint="居民身份证为 18 位，例如 360702199001011234" values={v} errors={errors} required />
        <TextInput name="legalRepresentative" label="法定代表人或负责人" values={v} errors={errors} />
        <TextInput name="agentName" label="代理人姓名" values={v} errors={errors} />
        <TextInput name="agentIdNumber" label="代理人证件号码" values={v} errors={errors} />
        <h2>联系方式</h2>
        <TextInput name="phone" label="联系电话" values={v} errors={errors} required />
        <TextInput name="email" label="电子邮箱" values={v} errors={errors} />
        <TextInput name="address" label="通信地址" values={v} errors={errors} />
        <TextInput name="postcode" label="邮政编码" values={v} errors={errors} />
        <h2>所需信息</h2>
        <TextArea name="infoDescription" label="所需信息的描述" hint="文件名称、文号或者便于行政机关查询的其他特征性描述" values={v} errors={errors} required />
        <TextInput name="infoTitle" label="文件名称" values={v} errors={errors} />
        <TextInput name="infoDocNumber" label="文号" values={v} errors={errors} />
        <TextArea name="purpose" label="用途" rows={2} values={v} errors={errors} />
        <Choices name="deliveryMethod" legend="获取方式" type="radio" options={DELIVERY_METHODS.map((m) => ({ value: m, label: DELIVERY_METHOD_LABELS[m] }))} values={v} errors={errors} />
        <Choices name="feeWaiverRequested" legend="减免费用" type="checkbox" options={[{ value: '1', label: '申请人申请减免费用' }]} values={v} errors={errors} />
        <TextArea name="feeWaiverReason" label="减免理由" rows={2} values={v} errors={errors} />
        <div class="form-actions"><button type="submit" class="button">登记申请</button></div>
      </form>
    </ConsoleLayout>
  );
}

export function QueuePage(props: { ctx: PageContext; items: RequestSummary[] }) {
  return (
    <ConsoleLayout ctx={props.ctx} title="本单位承办的申请">
      <p class="muted">交办给本单位的政府信息公开申请，按答复期限先后排列。</p>
      {props.items.length ? <RequestTable items={props.items} caption="本单位承办的申请" showChannel={false} /> : <p class="empty">目前没有交办给本单位的申请。</p>}
    </ConsoleLayout>
  );
}

export function SupervisionPage(props: { ctx: PageContext; agencies: SupervisedAgency[] }) {
  const overdue = props.agencies.flatMap((a) => a.overdueRequests.map((r) => ({ ...r, agencyName: a.agencyName })));
  return (
    <ConsoleLayout ctx={props.ctx} title="下级机关办理情况">
      {props.agencies.length === 0 ? (
        <p class="empty">本机关没有下级机关。</p>
      ) : (
        <>
          <div class="table-wrap" role="region" aria-label="各下级机关未办结与超期申请数" tabIndex={0}>
            <table class="table">
              <caption>各下级机关未办结与超期申请数</caption>
              <thead><tr><th scope="col">机关</th><th scope="col">未办结</th><th scope="col">已超期</th></tr></thead>
              <tbody>
                {props.agencies.map((a) => (
                  <tr class={a.overdue > 0 ? 'row-overdue' : undefined}>
                    <th scope="row">{a.agencyName}</th><td>{a.open}</td><td>{a.overdue > 0 ? <span class="due-state due-overdue">{a.overdue} 件已超期</span> : '0'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>超期申请</h2>
          {overdue.length === 0 ? <p class="empty">下级机关没有超期的申请。</p> : (
            <div class="table-wrap" role="region" aria-label="超期申请" tabIndex={0}>
              <table class="table">
                <caption class="visually-hidden">超期申请</caption>
                <thead><tr><th scope="col">机关</th><th scope="col">查询码</th><th scope="col">所需信息</th><th scope="col">状态</th><th scope="col">收到日期</th><th scope="col">答复期限</th></tr></thead>
                <tbody>
                  {overdue.map((r) => (
                    <tr class="row-overdue">
                      <td>{r.agencyName}</td><td>{r.trackingCode}</td><td>{short(r.infoDescription)}</td><td>{REQUEST_STATUS_LABELS[r.status]}</td><td>{r.receivedOn}</td>
                      <td><DueCell dueOn={r.replyDueOn} dueState={r.dueState} explanation={null} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </ConsoleLayout>
  );
}

function NotificationLinkView(props: { n: NotificationView }) {
  const link = notificationLink(props.n);
  return link ? <a href={link.href}>{link.label}<span class="visually-hidden">：{props.n.title}</span></a> : null;
}

export function InboxPage(props: { ctx: PageContext; items: NotificationView[] }) {
  const { ctx } = props;
  return (
    <ConsoleLayout ctx={ctx} title="消息提醒">
      {props.items.length === 0 && <p class="empty">没有消息。</p>}
      <ul class="inbox">
        {props.items.map((n) => (
          <li class={n.read ? 'inbox-item' : 'inbox-item inbox-unread'}>
            <p>
              {!n.read && <span class="tag">未读</span>} <strong>{n.title}</strong> <span class="muted">{shanghaiDateTime(n.createdAt)}</span>
            </p>
            {n.body && <p>{n.body}</p>}
            {/* A div, not a p: a form is not phrasing content. */}
            <div class="record-links">
              <NotificationLinkView n={n} />
              {!n.read && (
                <form method="post" action={`/console/inbox/${encodeURIComponent(n.id)}/read`} class="inline-form">
                  <Csrf ctx={ctx} />
                  <button type="submit" class="button button-small button-quiet">标为已读<span class="visually-hidden">：{n.title}</span></button>
                </form>
              )}
            </div>
          </li>
        ))}
      </ul>
    </ConsoleLayout>
  );
}
