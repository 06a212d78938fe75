// A request's record page: applicant (identity number masked; officers may reveal it, audited),
// the information requested, deadlines with their explanation, pauses, handling departments, the
// full timeline, and only the actions the user may take, each a POST form with its inputs.
import {
  APPLICANT_TYPE_LABELS, APPLICATION_FILE_PURPOSE_LABELS, CHANNEL_LABELS, DELIVERY_METHOD_LABELS, DELIVERY_METHODS, ID_TYPE_LABELS, REQUEST_STATUS_LABELS, REQUEST_VERB_LABELS,
  type ApplicationFilePurpose, type RequestDetail, type RequestVerb,
} from '../requests/index.ts';
import { Csrf, ConsoleLayout, errorFor, Select, TextArea, TextInput, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';
import { shanghaiDateTime } from './format.ts';
import { hasRole } from '../accounts/index.ts';
import { DueCell } from './home.pages.tsx';
import { formatSize } from './items.pages.tsx';
import { requestHref } from './requests.pages.tsx';
import { DeliverySection } from './reply-files.pages.tsx';
import type { DeliveryView } from '../requests/index.ts';

export interface RequestPermissions {
  verbs: RequestVerb[];
  canExtend: boolean;
  canSplit: boolean;
  canReveal: boolean;
}

/** Verbs whose note is required (the transition table's needsNote). */
export type NoteRule = Partial<Record<RequestVerb, boolean>>;

const WARNING_VERBS: RequestVerb[] = ['abandon', 'withdraw', 'returnReply', 'merge'];

function Rows({ rows }: { rows: [string, string][] }) {
  return (
    <table class="table meta">
      <tbody>{rows.map(([k, v]) => <tr><th scope="row">{k}</th><td>{v || '—'}</td></tr>)}</tbody>
    </table>
  );
}

function Applicant({ r, revealed, ctx, canReveal }: { r: RequestDetail; revealed?: string; ctx: PageContext; canReveal: boolean }) {
  return (
    <section aria-labelledby="applicant-title">
      <h2 id="applicant-title">申请人</h2>
      <Rows rows={[
        ['申请人类型', APPLICANT_TYPE_LABELS[r.applicantType]],
        ['姓名或名称', r.applicantName],
        ['证件类型', ID_TYPE_LABELS[r.idType]],
        ['证件号码', revealed ?? r.idNumberMasked],
        ['法定代表人', r.legalRepresentative],
        ['代理人', r.agentName ? `${r.agentName}（证件号码 ${r.agentIdNumberMasked}）` : ''],
        ['联系电话', r.phoneMasked],
        ['电子邮箱', r.email],
        ['通信地址', [r.address, r.postcode && `邮编 ${r.postcode}`].filter(Boolean).join('，')],
      ]} />
      {canReveal && !revealed && (
        <form method="post" action={`${requestHref(r.id)}/reveal`} class="inline-form">
          <Csrf ctx={ctx} />
          <button type="submit" class="button button-small button-secondary">显示完整证件号码</button>
          <span class="muted"> 查看完整号码会记入审计日志。</span>
        </form>
      )}
    </section>
  );
}

function Deadlines({ r }: { r: RequestDetail }) {
  return (
    <section aria-labelledby="deadline-title" class="deadline-box">
      <h2 id="deadline-title">期限</h2>
      <table class="table meta">
        <tbody>
          <tr><th scope="row">收到申请日期</th><td>{r.receivedOn}{r.originalReceivedOn !== r.receivedOn && <span class="muted">（原收到日期 {r.originalReceivedOn}，补正后重新计算）</span>}</td></tr>
          <tr>
            <th scope="row">答复期限</th>
            <td>
              {r.closedOn ? <span>{r.closedOn} 已办结</span> : <DueCell dueOn={r.replyDueOn} dueState={r.dueState} explanation={r.replyDueExplanation} />}
              {r.replyDueProvisional && <span class="tag">暂停计时中，期限暂定</span>}
            </td>
          </tr>
          {r.correctionNoticeDueOn && <tr><th scope="row">补正通知期限</th><td>{r.correctionNoticeDueOn}（收到申请之日起 7 个工作日内，条例第三十条）</td></tr>}
          {r.correctionPeriodDueOn && <tr><th scope="row">申请人补正期限</th><td>{r.correctionPeriodDueOn}</td></tr>}
          {r.extensionDays > 0 && <tr><th scope="row">延期</th><td>延长 {r.extensionDays} 个工作日：{r.extensionReason}</td></tr>}
        </tbody>
      </table>
      <details class="due-explain">
        <summary>期限规则</summary>
        <p>答复期限为收到申请之日起 20 个工作日（条例第三十三条），延期最长 20 个工作日且只能延期一次；征求第三方或其他机关意见的时间不计算在内（第三十二、三十四条）；补正后以收到补正材料之日重新计算（第三十条）。</p>
      </details>
    </section>
  );
}

function Pauses({ r }: { r: RequestDetail }) {
  if (!r.pauses.length) return null;
  return (
    <section aria-labelledby="pauses-title">
      <h2 id="pauses-title">暂停计时（征求意见）</h2>
      <div class="table-wrap" role="region" aria-label="暂停计时" tabIndex={0}>
        <table class="table">
          <thead><tr><th scope="col">类型</th><th scope="col">征求对象</th><th scope="col">开始</th><th scope="col">结束</th><th scope="col">答复时限</th><th scope="col">结果</th></tr></thead>
          <tbody>
            {r.pauses.map((p) => (
              <tr>
                <td>{p.kind === 'thirdParty' ? '征求第三方意见' : p.kind === 'fee' ? '待缴纳信息处理费' : '征求协作机关意见'}</td><td>{p.partyName}</td><td>{p.startedOn}</td>
                <td>{p.endedOn ?? '进行中'}</td><td>{p.windowDueOn}（15 个工作日）</td><td>{p.result || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Timeline({ r }: { r: RequestDetail }) {
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">办理过程（全部记录）</h2>
      {r.timeline.length === 0 ? <p class="muted">尚无记录。</p> : (
        <ol class="timeline">
          {r.timeline.map((e) => (
            <li>
              <p><strong>{e.label}</strong> · {e.actorName} · <time datetime={e.at}>{shanghaiDateTime(e.at)}</time>{e.visibleToApplicant && <span class="tag">申请人可见</span>}</p>
              {e.note && <p>{e.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function VerbInputs({ verb, values, errors, departments }: { verb: RequestVerb; values: FormValues; errors: FieldErrorView[]; departments: { id: string; name: string }[] }) {
  const f = (name: string) => `${name}-${verb}`;
  const common = { values, errors };
  switch (verb) {
    case 'assign':
    case 'reassign':
      return <Select name={f('departmentIds')} label="承办单位" hint="可多选（按住 Ctrl 键）；第一个为主办单位" multiple options={departments.map((d) => ({ value: d.id, label: d.name }))} {...common} />;
    case 'receiveCorrection':
      return <TextInput name={f('receivedOn')} label="收到补正材料日期" type="date" hint="补正后的申请以此日为收到申请之日，重新计算答复期限（条例第三十条）" {...common} />;
    case 'requestCorrection':
      return <TextInput name={f('correctionPeriodDays')} label="补正期限（工作日）" hint="给申请人的合理补正期限，不填为 15 个工作日" {...common} />;
    case 'startConsultation':
      return (
        <>
          <Select name={f('consultationKind')} label="征求意见类型" options={[{ value: 'thirdParty', label: '征求第三方意见（第三十二条）' }, { value: 'coAgency', label: '征求协作机关意见（第三十四条）' }]} {...common} />
          <TextInput name={f('partyName')} label="征求意见对象" {...common} />
        </>
      );
    case 'deliver':
      return (
        <>
          <Select name={f('deliveryMethod')} label="送达方式" options={[{ value: '', label: '按申请时选择的方式' }, ...DELIVERY_METHODS.map((m) => ({ value: m, label: DELIVERY_METHOD_LABELS[m] }))]} {...common} />
          <TextInput name={f('deliveredOn')} label="送达日期" type="date" hint="邮寄之日、领取之日或在“办理进度查询”发布之日；不填为今天" {...common} />
          <TextInput name={f('trackingNumber')} label="邮寄单号" hint="邮寄送达时必填" {...common} />
          <TextInput name={f('recipientNote')} label="签收人" hint="当面领取时必填" {...common} />
        </>
      );
    case 'merge':
      return <TextInput name={f('mergeIntoTrackingCode')} label="合并到的申请查询码" hint="与本申请重复、继续办理的那件申请" {...common} />;
    default:
      return null;
  }
}

function VerbForm(props: { ctx: PageContext; r: RequestDetail; verb: RequestVerb; needsNote: boolean; values: FormValues; errors: FieldErrorView[]; departments: { id: string; name: string }[] }) {
  const { verb, r } = props;
  const noteId = `note-${verb}`;
  return (
    <form method="post" action={`${requestHref(r.id)}/act`} class={`form action-form action-${verb}`} novalidate>
      <Csrf ctx={props.ctx} />
      <input type="hidden" name="verb" value={verb} />
      <h3>{REQUEST_VERB_LABELS[verb]}</h3>
      <VerbInputs verb={verb} values={props.values} errors={props.errors} departments={props.departments} />
      <TextArea name={noteId} label={props.needsNote ? '意见或理由' : '意见或理由（选填）'} rows={3} values={props.values} errors={props.errors} required={props.needsNote} />
      <button type="submit" class={WARNING_VERBS.includes(verb) ? 'button button-warning' : 'button'}>{REQUEST_VERB_LABELS[verb]}</button>
    </form>
  );
}

function ExtendForm({ ctx, r, values, errors }: { ctx: PageContext; r: RequestDetail; values: FormValues; errors: FieldErrorView[] }) {
  return (
    <form method="post" action={`${requestHref(r.id)}/extend`} class="form action-form action-extend" novalidate>
      <Csrf ctx={ctx} />
      <h3>延期答复</h3>
      <p class="hint">经政务公开办公室负责人同意，可延长一次，最长 20 个工作日，并书面告知申请人（条例第三十三条）。</p>
      <TextInput name="days" label="延长工作日数（1–20）" values={values} errors={errors} required />
      <TextArea name="reason" label="延期理由" rows={2} values={values} errors={errors} required />
      <button type="submit" class="button">延期答复</button>
    </form>
  );
}

function SplitForm({ ctx, r, values, errors }: { ctx: PageContext; r: RequestDetail; values: FormValues; errors: FieldErrorView[] }) {
  return (
    <form method="post" action={`${requestHref(r.id)}/split`} class="form action-form action-split" novalidate>
      <Csrf ctx={ctx} />
      <h3>拆分申请</h3>
      <p class="hint">一件申请包含多项内容的，可拆出一项另行登记办理（“一事一申请”）。</p>
      <TextArea name="infoDescription" label="拆分出的申请内容" rows={3} values={values} errors={errors} required />
      <TextArea name="splitNote" label="拆分原因" rows={2} values={values} errors={errors} required />
      <button type="submit" class="button button-secondary">拆分申请</button>
    </form>
  );
}

export function RequestRecordPage(props: {
  ctx: PageContext;
  r: RequestDetail;
  can: RequestPermissions;
  needsNote: NoteRule;
  departments: { id: string; name: string }[];
  values: FormValues;
  errors: FieldErrorView[];
  notice?: string;
  revealed?: string;
  /** The delivery record (送达), once the reply is delivered. */
  delivery?: DeliveryView | null;
}) {
  const { ctx, r, can } = props;
  const hasActions = can.verbs.length > 0 || can.canExtend || can.canSplit;
  return (
    <ConsoleLayout ctx={ctx} title={`申请 ${r.trackingCode}`} errors={props.errors} notice={props.notice}>
      <p class="record-links">
        <span class="status status-ok">{REQUEST_STATUS_LABELS[r.status]}</span>
        <span>{CHANNEL_LABELS[r.channel]}</span>
        {r.mergedIntoId && <a href={requestHref(r.mergedIntoId)}>已合并到的申请</a>}
        {r.splitFromId && <a href={requestHref(r.splitFromId)}>拆分自的原申请</a>}
        <a href={`${requestHref(r.id)}/reply`}>答复稿与答复告知书</a>
        <a href={`${requestHref(r.id)}/files`}>答复材料</a>
        {ctx.user && hasRole(ctx.user, 'officer', 'leader') && <><a href={`${requestHref(r.id)}/fee`}>信息处理费</a> <a href={`${requestHref(r.id)}/challenges`}>复议诉讼</a></>}
        <a href="/console/requests">返回登记簿</a>
      </p>
      {hasActions && (
        <section aria-labelledby="actions-title" class="actions">
          <h2 id="actions-title">办理</h2>
          {can.verbs.map((verb) => (
            <VerbForm ctx={ctx} r={r} verb={verb} needsNote={props.needsNote[verb] ?? false} values={props.values} errors={props.errors} departments={props.departments} />
          ))}
          {can.canExtend && <ExtendForm ctx={ctx} r={r} values={props.values} errors={props.errors} />}
          {can.canSplit && <SplitForm ctx={ctx} r={r} values={props.values} errors={props.errors} />}
        </section>
      )}
      {errorFor(props.errors, 'form') && <p class="error-message" id="form">{errorFor(props.errors, 'form')}</p>}
      <Deadlines r={r} />
      <Applicant r={r} revealed={props.revealed} ctx={ctx} canReveal={can.canReveal} />
      <section aria-labelledby="info-title">
        <h2 id="info-title">所需信息</h2>
        <Rows rows={[
          ['内容描述', r.infoDescription], ['文件名称', r.infoTitle], ['文号', r.infoDocNumber], ['用途', r.purpose],
          ['获取方式', DELIVERY_METHOD_LABELS[r.deliveryMethod]], ['减免费用', r.feeWaiverRequested ? `申请减免：${r.feeWaiverReason}` : '未申请'],
        ]} />
        {r.attachments.length > 0 && (
          <>
            <h3>申请材料</h3>
            <ul>{r.attachments.map((a) => <li><a href={`/console/requests/${r.id}/attachments/${a.id}`}>{a.filename}</a> <span class="muted">（{APPLICATION_FILE_PURPOSE_LABELS[a.purpose as ApplicationFilePurpose] ?? a.purpose}，{formatSize(a.size)}）</span></li>)}</ul>
          </>
        )}
      </section>
      <DeliverySection delivery={props.delivery ?? null} />
      <Pauses r={r} />
      <section aria-labelledby="depts-title">
        <h2 id="depts-title">承办单位</h2>
        {r.handlingDepartments.length === 0 ? <p class="muted">尚未交办。</p> : (
          <ul>{r.handlingDepartments.map((d) => <li>{d.name}{d.isLead && <span class="tag">主办</span>}</li>)}</ul>
        )}
      </section>
      <Timeline r={r} />
    </ConsoleLayout>
  );
}
