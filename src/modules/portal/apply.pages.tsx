// The online application (依申请公开, 条例 第二十九条) and its printable receipt. GOV.UK form
// pattern: on error the title starts with 错误：, a summary links to each field, the message sits
// by the field and everything typed comes back (file inputs cannot be refilled: we say so).
import { formatChineseDate } from '../../core/time/clock.ts';
import { APPLICANT_TYPE_LABELS, DELIVERY_METHOD_LABELS, DELIVERY_METHODS, ID_TYPE_LABELS } from '../requests/index.ts';
import { ORGANISATION_TYPES, MAX_LENGTHS, PERSON_ID_TYPES } from './apply.schemas.ts';
import type { ReceiptDates } from './apply.tokens.ts';
import { portalHref } from './components.tsx';
import { MAX_APPLICATION_FILES, REQUEST_KIND_LABELS, REQUEST_KINDS } from '../requests/index.ts';
import { ChoiceField, errorOf, ErrorSummary, FormSection, SelectField, TextAreaField, TextField, type FieldError, type FormValues } from './form-fields.tsx';
import { Layout } from './layout.tsx';
import type { PortalContext } from './portal.service.ts';

export interface ApplyFormProps {
  ctx: PortalContext;
  csrf: string;
  values: FormValues;
  errors: FieldError[];
  /** Signed time stamp and idempotency key of this rendering of the form. */
  stamp: string;
  /** A message about the whole form (too fast, expired): shown above the questions. */
  formMessage?: string;
  /** The failed submission carried files: they must be chosen again. */
  filesDropped?: boolean;
  /** The upload limit, said before the upload. */
  maxUploadMb: number;
}

const EXAMPLE_ID = '360702199001011234';

function ApplicantSection({ values: v, errors }: { values: FormValues; errors: FieldError[] }) {
  const common = { values: v, errors };
  return (
    <FormSection id="sec-applicant" title="申请人信息">
      <ChoiceField
        name="applicantKind"
        legend="申请人类型"
        type="radio"
        options={[
          { value: 'person', label: '自然人（公民个人）' },
          { value: 'organisation', label: '法人或其他组织', hint: '请在下方选择组织类型，并填写统一社会信用代码和法定代表人' },
        ]}
        {...common}
      />
      <ChoiceField
        name="organisationType"
        legend="组织类型（法人或其他组织填写）"
        type="radio"
        options={ORGANISATION_TYPES.map((t) => ({ value: t, label: APPLICANT_TYPE_LABELS[t] }))}
        {...common}
      />
      <TextField name="applicantName" label="姓名或名称" hint="自然人填写姓名；法人或其他组织填写全称" autocomplete="name" maxLength={MAX_LENGTHS.applicantName} {...common} />
      <SelectField
        name="idType"
        label="身份证件类型（自然人填写）"
        options={[{ value: '', label: '请选择' }, ...PERSON_ID_TYPES.map((t) => ({ value: t, label: ID_TYPE_LABELS[t] }))]}
        {...common}
      />
      <TextField name="idNumber" label="身份证件号码（自然人填写）" hint={`居民身份证为 18 位，例如 ${EXAMPLE_ID}，最后一位可能是 X`} width="medium" maxLength={MAX_LENGTHS.idNumber} autocomplete="off" {...common} />
      <TextField name="creditCode" label="统一社会信用代码（法人或其他组织填写）" hint="18 位，由数字和大写字母组成，见营业执照或登记证书" width="medium" maxLength={MAX_LENGTHS.creditCode} {...common} />
      <TextField name="legalRepresentative" label="法定代表人或负责人（法人或其他组织填写）" maxLength={MAX_LENGTHS.legalRepresentative} {...common} />
    </FormSection>
  );
}

function AgentSection({ values: v, errors }: { values: FormValues; errors: FieldError[] }) {
  const common = { values: v, errors };
  return (
    <FormSection id="sec-agent" title="代理人" hint="委托他人代为申请的填写；本人申请的不填。委托代理的，请准备授权委托书，受理时工作人员会与您核对。">
      <TextField name="agentName" label="代理人姓名" optional maxLength={MAX_LENGTHS.agentName} {...common} />
      <TextField name="agentIdNumber" label="代理人身份证件号码" optional hint={`居民身份证为 18 位，例如 ${EXAMPLE_ID}`} width="medium" maxLength={MAX_LENGTHS.agentIdNumber} autocomplete="off" {...common} />
    </FormSection>
  );
}

function ContactSection({ values: v, errors }: { values: FormValues; errors: FieldError[] }) {
  const common = { values: v, errors };
  return (
    <FormSection id="sec-contact" title="联系方式">
      <TextField name="phone" label="联系电话" hint="手机号为 11 位；查询办理进度时需要输入电话号码的后四位" type="tel" autocomplete="tel" width="medium" maxLength={MAX_LENGTHS.phone} {...common} />
      <TextField name="email" label="电子邮箱" optional hint="选择以电子邮件获取信息的必填" type="email" autocomplete="email" maxLength={MAX_LENGTHS.email} {...common} />
      <TextField name="address" label="通信地址" optional hint="选择纸质邮寄的必填" autocomplete="address-line1" maxLength={MAX_LENGTHS.address} {...common} />
      <TextField name="postcode" label="邮政编码" optional hint="6 位数字" inputMode="numeric" autocomplete="postal-code" width="short" maxLength={MAX_LENGTHS.postcode} {...common} />
    </FormSection>
  );
}

function InformationSection({ values: v, errors }: { values: FormValues; errors: FieldError[] }) {
  const common = { values: v, errors };
  return (
    <FormSection id="sec-info" title="所需信息">
      <ChoiceField name="kind" legend="申请类型" type="radio" hint="认为行政机关提供的与您自身相关的政府信息记录不准确的，可以要求更正（条例第四十一条）" options={REQUEST_KINDS.map((k) => ({ value: k, label: REQUEST_KIND_LABELS[k] }))} {...common} />
      <TextAreaField
        name="infoDescription"
        label="所需信息的描述"
        hint={
          <>
            <p>请写明文件名称、文号或者便于行政机关查询的其他特征性描述（条例第二十九条），一份申请一般只申请一项内容。</p>
            <p>例如：2024 年某某镇东风村集体土地征收的征地补偿安置方案及其批准文件。</p>
          </>
        }
        rows={6}
        maxLength={MAX_LENGTHS.infoDescription}
        {...common}
      />
      <TextField name="infoTitle" label="文件名称" optional maxLength={MAX_LENGTHS.infoTitle} {...common} />
      <TextField name="infoDocNumber" label="文号" optional hint="例如：赣市自然资字〔2024〕12号" maxLength={MAX_LENGTHS.infoDocNumber} {...common} />
      <TextAreaField name="purpose" label="申请用途" optional hint="不填写不影响申请" rows={3} maxLength={MAX_LENGTHS.purpose} {...common} />
    </FormSection>
  );
}

function DeliverySection({ values: v, errors }: { values: FormValues; errors: FieldError[] }) {
  const common = { values: v, errors };
  return (
    <>
      <FormSection id="sec-delivery" title="获取方式">
        <ChoiceField name="deliveryMethod" legend="获取信息的方式" type="radio" options={DELIVERY_METHODS.map((m) => ({ value: m, label: DELIVERY_METHOD_LABELS[m] }))} {...common} />
      </FormSection>
      <FormSection id="sec-fee" title="减免费用">
        <ChoiceField name="feeWaiverRequested" legend="是否申请减免信息处理费" type="checkbox" optional hint="一般不收取信息处理费；超出规定数量或频次的才可能收取" options={[{ value: '1', label: '申请减免费用' }]} {...common} />
        <TextAreaField name="feeWaiverReason" label="减免理由" optional hint="申请减免费用的必填" rows={3} maxLength={MAX_LENGTHS.feeWaiverReason} {...common} />
      </FormSection>
    </>
  );
}

/** Upload inputs: the limits are said before the upload (UX.md "Forms"). */
function FilesSection({ errors, maxUploadMb }: { errors: FieldError[]; maxUploadMb: number }) {
  const error = errorOf(errors, 'files');
  return (
    <FormSection id="sec-files" title="上传材料" hint={`可上传身份证明、授权委托书等材料（选填）：PDF、JPG 或 PNG 格式，每个文件不超过 ${maxUploadMb} MB，最多 ${MAX_APPLICATION_FILES} 个。`}>
      <div class={error ? 'form-group form-group-error' : 'form-group'}>
        <label class="form-label" htmlFor="files">
          身份证明<span class="optional">（选填）</span>
        </label>
        {error && (
          <p class="error-message" id="files-error">
            <span class="visually-hidden">错误：</span>
            {error}
          </p>
        )}
        <input class="file-input" type="file" id="files" name="idScan" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" multiple aria-describedby={error ? 'files-error' : undefined} />
      </div>
      <div class="form-group">
        <label class="form-label" htmlFor="authorisation">
          授权委托书（委托代理人申请的）<span class="optional">（选填）</span>
        </label>
        <input class="file-input" type="file" id="authorisation" name="authorisation" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" />
      </div>
    </FormSection>
  );
}

export function ApplyPage(props: ApplyFormProps) {
  const { ctx, errors } = props;
  const action = `/apply?_csrf=${encodeURIComponent(props.csrf)}`;
  const failed = errors.length > 0 || Boolean(props.formMessage);
  return (
    <Layout ctx={ctx} title={`${failed ? '错误：' : ''}政府信息公开申请`} crumbs={[{ label: '依申请公开' }, { label: '在线申请' }]} nav="apply">
      <ErrorSummary errors={errors} />
      <h1 class="page-title">政府信息公开申请</h1>
      {props.formMessage && (
        <div class="notice" role="alert">
          <p class="notice-title">
            <strong>{props.formMessage}</strong>
          </p>
        </div>
      )}
      {props.filesDropped && (
        <div class="notice notice-info">
          <p>为保护您的信息，浏览器不会保留已选择的文件：请在“上传材料”中重新选择后再提交。</p>
        </div>
      )}
      <p class="lead">
        向{ctx.agency.name}申请获取政府信息。已经主动公开的信息可以直接在<a href={portalHref(ctx, '/catalog')}>信息公开目录</a>中查阅，无需申请。
      </p>
      <form class="apply-form" method="post" action={action} enctype="multipart/form-data" novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <input type="hidden" name="formStamp" value={props.stamp} />
        {ctx.agencyParam && <input type="hidden" name="agency" value={ctx.agencyParam} />}
        <div class="hp-field" aria-hidden="true">
          <label htmlFor="website">网址（请勿填写）</label>
          <input type="text" id="website" name="website" value="" tabIndex={-1} autocomplete="off" />
        </div>
        <ApplicantSection values={props.values} errors={errors} />
        <AgentSection values={props.values} errors={errors} />
        <ContactSection values={props.values} errors={errors} />
        <InformationSection values={props.values} errors={errors} />
        <DeliverySection values={props.values} errors={errors} />
        <FilesSection errors={errors} maxUploadMb={props.maxUploadMb} />
        <FormSection id="sec-privacy" title="个人信息保护">
          <p>
            您填写的个人信息仅用于办理本申请、向您送达告知书和依法统计，由{ctx.agency.name}按照《中华人民共和国个人信息保护法》保管；身份证件号码加密保存，工作人员查看完整号码会被记录。我们不会将您的信息用于其他目的或提供给无关的第三方，法律法规另有规定的除外。
          </p>
        </FormSection>
        <button type="submit" class="button submit-button">
          提交申请
        </button>
      </form>
    </Layout>
  );
}

export function ReceiptPage({ ctx, trackingCode, dates }: { ctx: PortalContext; trackingCode: string; dates: ReceiptDates }) {
  return (
    <Layout ctx={ctx} title="申请已提交" crumbs={[{ label: '依申请公开' }, { label: '申请回执' }]} nav="apply">
      <div class="receipt-panel">
        <h1 class="receipt-title">申请已提交</h1>
        <p class="receipt-code-label">您的查询码</p>
        <p class="receipt-code">{trackingCode}</p>
        <p>请记下或打印本页。查询办理进度时需要查询码和您填写的联系电话后四位。</p>
      </div>
      <table class="meta-table receipt-table">
        <caption class="visually-hidden">申请回执</caption>
        <tbody>
          <tr>
            <th scope="row">受理机关</th>
            <td>{ctx.agency.name}</td>
          </tr>
          <tr>
            <th scope="row">收到申请日期</th>
            <td>{formatChineseDate(dates.receivedOn)}</td>
          </tr>
          <tr>
            <th scope="row">答复期限</th>
            <td>{formatChineseDate(dates.replyDueOn)} 前（20 个工作日，条例第三十三条）</td>
          </tr>
        </tbody>
      </table>
      <section class="item-section" aria-labelledby="next-steps">
        <h2 id="next-steps">接下来会怎样</h2>
        <ol>
          <li>政务公开办公室对申请进行形式审查。</li>
          <li>
            如申请内容不明确，我们会在 {formatChineseDate(dates.correctionNoticeDueOn)} 前（收到申请之日起 7 个工作日内，条例第三十条）一次性通知您补正；补正后的申请以收到补正之日重新计算答复期限。
          </li>
          <li>
            我们将在 {formatChineseDate(dates.replyDueOn)} 前作出答复。需要征求第三方或其他机关意见的，征求意见的时间不计算在内；确需延长的，会书面告知您，延长期限最长不超过 20 个工作日。
          </li>
          <li>答复将按您选择的方式送达。</li>
        </ol>
      </section>
      <p class="receipt-actions">
        <a class="button" href={portalHref(ctx, '/track', { code: trackingCode })}>
          查询办理进度
        </a>
        <button type="button" class="button button-secondary" data-print hidden>
          打印本页
        </button>
        <span class="print-hint">可使用浏览器的“打印”功能（Ctrl+P）打印本回执。</span>
      </p>
      <script src="/assets/portal.js" defer></script>
    </Layout>
  );
}
