// The processing-fee page of a request (国办函〔2020〕109号): the computed fee and its tier, the
// fee notice and payment, and the hardship waiver; only the forms the user's role and the
// request's state allow.
import { FEE_BASIS_LABELS, formatFen, REQUEST_STATUS_LABELS, WAIVER_STATUS_LABELS, type FeeAssessment, type FeeView, type RequestDetail } from '../requests/index.ts';
import { Choices, ConsoleLayout, Csrf, TextArea, TextInput, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';
import { requestHref } from './requests.pages.tsx';

export interface FeePermissions {
  charge: boolean;
  recordPayment: boolean;
  closeUnpaid: boolean;
  proposeWaiver: boolean;
  decideWaiver: boolean;
  preview: boolean;
}

function Rows({ rows }: { rows: [string, string][] }) {
  return <dl class="record-rows">{rows.map(([k, v]) => <><dt>{k}</dt><dd>{v || '—'}</dd></>)}</dl>;
}

function Summary({ fee, r }: { fee: FeeView; r: RequestDetail }) {
  const p = fee.perRequestPreview;
  const a = fee.assessed;
  return (
    <section aria-labelledby="fee-title">
      <h2 id="fee-title">收费情况</h2>
      <Rows rows={[
        ['办理状态', REQUEST_STATUS_LABELS[r.status]],
        ['本月申请件次', `${p.tier}；按件计收应为 ${formatFen(p.amountFen)}`],
        ['已核定', a ? `${FEE_BASIS_LABELS[a.basis]}：${a.tier}，${formatFen(a.amountFen)}` : '未发收费通知'],
        ['收费通知', fee.noticeOn ? `${fee.noticeOn} 发出，缴费期限至 ${fee.paymentDueOn}` : ''],
        ['缴费', fee.paidOn ? `${fee.paidOn} 已缴${fee.paymentReference ? `（凭证 ${fee.paymentReference}）` : ''}` : ''],
        ['申请人申请减免', fee.applicantAskedWaiver ? fee.applicantWaiverReason || '是' : '否'],
        ['减免', `${WAIVER_STATUS_LABELS[fee.waiverStatus]}${fee.waiverProposal ? `；提出理由：${fee.waiverProposal}` : ''}${fee.waiverDecidedOn ? `；${fee.waiverDecidedBy} ${fee.waiverDecidedOn} 决定：${fee.waiverReason}` : ''}`],
      ]} />
      {fee.noticeId && <p><a href={`/console/notices/${fee.noticeId}.pdf`}>收费通知书（PDF）</a> · <a href={`/console/notices/${fee.noticeId}.docx`}>Word</a></p>}
      {fee.receiptNoticeId && <p><a href={`/console/notices/${fee.receiptNoticeId}.pdf`}>缴费确认书（PDF）</a></p>}
    </section>
  );
}

const BASIS_OPTIONS = [
  { value: 'perRequest', label: '按件计收（本月第 11 件起）' },
  { value: 'perPage', label: '按量计收（超过 30 页的部分）' },
];

export function RequestFeePage(props: {
  ctx: PageContext; r: RequestDetail; fee: FeeView; can: FeePermissions; values: FormValues; errors: FieldErrorView[]; notice?: string; preview?: FeeAssessment;
}) {
  const { ctx, r, fee, can, values, errors } = props;
  const base = `${requestHref(r.id)}/fee`;
  const common = { values, errors };
  return (
    <ConsoleLayout ctx={ctx} title={`信息处理费 ${r.trackingCode}`} errors={errors} notice={props.notice}>
      <p class="record-links"><a href={requestHref(r.id)}>返回申请记录</a></p>
      <p class="hint">依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）：按件或按量计收，二者只能选一；申请人应自收到收费通知次日起 20 个工作日内缴费，逾期视为放弃申请。</p>
      <Summary fee={fee} r={r} />
      {can.preview && (
        <form method="get" action={base} class="form action-form">
          <h3>试算</h3>
          <Choices name="basis" legend="收费方式" type="radio" options={BASIS_OPTIONS} {...common} />
          <TextInput name="pages" label="页数（按量计收时填写）" {...common} />
          <button type="submit" class="button button-secondary">试算</button>
          {props.preview && <p class="result">试算结果：{FEE_BASIS_LABELS[props.preview.basis]}，{props.preview.tier}，应收 {formatFen(props.preview.amountFen)}</p>}
        </form>
      )}
      {can.charge && (
        <form method="post" action={`${base}/notice`} class="form action-form" novalidate>
          <Csrf ctx={ctx} />
          <h3>发出收费通知</h3>
          <Choices name="basis" legend="收费方式" type="radio" options={BASIS_OPTIONS} {...common} />
          <TextInput name="pages" label="页数（按量计收时填写）" {...common} />
          <TextInput name="paymentMethod" label="缴费方式" hint="不填则写明到本机关政务公开办公室当面缴纳或按通知书所附账户转账" {...common} />
          <button type="submit" class="button">发出收费通知</button>
        </form>
      )}
      {can.recordPayment && (
        <form method="post" action={`${base}/payment`} class="form action-form" novalidate>
          <Csrf ctx={ctx} />
          <h3>登记已缴费</h3>
          <TextInput name="paidOn" label="缴费日期" type="date" hint="不填为今天" {...common} />
          <TextInput name="reference" label="缴费凭证号" {...common} />
          <button type="submit" class="button">登记已缴费</button>
        </form>
      )}
      {can.closeUnpaid && (
        <form method="post" action={`${base}/close`} class="form action-form">
          <Csrf ctx={ctx} />
          <h3>逾期未缴费，终止处理</h3>
          <p class="hint">缴费期限届满次日起可办结为“其他处理 2”；系统每日也会自动办结。</p>
          <button type="submit" class="button button-warning">终止处理</button>
        </form>
      )}
      {can.proposeWaiver && (
        <form method="post" action={`${base}/waiver`} class="form action-form" novalidate>
          <Csrf ctx={ctx} />
          <h3>提出减免</h3>
          <TextArea name="reason" label="减免理由" rows={2} required {...common} />
          <button type="submit" class="button button-secondary">提请领导决定</button>
        </form>
      )}
      {can.decideWaiver && (
        <form method="post" action={`${base}/waiver-decision`} class="form action-form" novalidate>
          <Csrf ctx={ctx} />
          <h3>减免决定</h3>
          <Choices name="approve" legend="决定" type="radio" options={[{ value: '1', label: '同意减免' }, { value: '0', label: '不予减免' }]} {...common} />
          <TextArea name="decisionReason" label="理由" rows={2} required {...common} />
          <button type="submit" class="button">作出决定</button>
        </form>
      )}
    </ConsoleLayout>
  );
}
