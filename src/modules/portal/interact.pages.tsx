// 互动交流 (issue 7 part 6): the entry page with the rules, the 在线咨询 and 局长信箱 forms (the
// /apply patterns: labels, hints, error summary, values kept, CSRF, no JavaScript needed), the
// receipt with its tracking code, the lookup, and the public Q&A list with search.
import { formatChineseDate } from '../../core/time/clock.ts';
import { DEFAULT_REPLY_WORKING_DAYS, MESSAGE_KIND_LABELS, MESSAGE_MAX_LENGTHS, MESSAGE_STATUS_LABELS, type MessageKind, type PublicAnswer, type TrackedMessage } from '../participation/index.ts';
import { Pagination, portalHref } from './components.tsx';
import { ChoiceField, ErrorSummary, FormSection, TextAreaField, TextField, type FieldError, type FormValues } from './form-fields.tsx';
import { Layout } from './layout.tsx';
import type { PortalContext } from './portal.service.ts';

export const FORM_KINDS = { consult: 'consultation', mailbox: 'mailbox' } as const satisfies Record<string, MessageKind>;
export type FormSlug = keyof typeof FORM_KINDS;

const CRUMB = { label: '互动交流', href: '/interact' };
const crumbs = (ctx: PortalContext, label: string) => [{ ...CRUMB, href: portalHref(ctx, CRUMB.href) }, { label }];

function Rules() {
  return (
    <section class="item-section" aria-labelledby="rules-title">
      <h2 id="rules-title">留言须知</h2>
      <ul>
        <li>在线咨询：咨询本机关职责范围内的政策和办事问题，一般在 {DEFAULT_REPLY_WORKING_DAYS.consultation} 个工作日内答复。</li>
        <li>局长信箱：对本机关工作的意见和建议，一般在 {DEFAULT_REPLY_WORKING_DAYS.mailbox} 个工作日内答复。</li>
        <li>申请获取政府信息请使用“依申请公开”在线申请；信访、举报、投诉事项请按信访渠道反映。</li>
        <li>请勿在留言中填写身份证号码等个人信息。含广告、辱骂或与本机关职责无关的留言将作为无效留言处理。</li>
        <li>您同意公开的，答复将在“留言选登”中公开，公开前会删除姓名、电话、证件号码等个人信息。</li>
      </ul>
    </section>
  );
}

export function InteractHomePage({ ctx }: { ctx: PortalContext }) {
  return (
    <Layout ctx={ctx} title="互动交流" crumbs={[{ label: '互动交流' }]} nav="consult">
      <h1 class="page-title">互动交流</h1>
      <ul class="entry-list">
        <li>
          <h2><a href={portalHref(ctx, '/interact/consult/new')}>在线咨询</a></h2>
          <p>咨询政策规定、办事流程和所需材料。</p>
        </li>
        <li>
          <h2><a href={portalHref(ctx, '/interact/mailbox/new')}>局长信箱</a></h2>
          <p>向局长反映意见和建议。</p>
        </li>
        <li>
          <h2><a href={portalHref(ctx, '/interact/answers')}>留言选登</a></h2>
          <p>查看已公开的问题和答复。</p>
        </li>
        <li>
          <h2><a href={portalHref(ctx, '/interact/track')}>留言查询</a></h2>
          <p>凭查询码和联系电话后四位查看办理情况和答复。</p>
        </li>
      </ul>
      <Rules />
    </Layout>
  );
}

export interface MessageFormProps {
  ctx: PortalContext;
  slug: FormSlug;
  csrf: string;
  values: FormValues;
  errors: FieldError[];
  stamp: string;
  formMessage?: string;
}

export function MessageFormPage(props: MessageFormProps) {
  const { ctx, errors, values } = props;
  const label = MESSAGE_KIND_LABELS[FORM_KINDS[props.slug]];
  const common = { values, errors };
  const failed = errors.length > 0 || Boolean(props.formMessage);
  return (
    <Layout ctx={ctx} title={`${failed ? '错误：' : ''}${label}`} crumbs={crumbs(ctx, label)} nav="consult">
      <ErrorSummary errors={errors} />
      <h1 class="page-title">{label}</h1>
      {props.formMessage && (
        <div class="notice" role="alert">
          <p class="notice-title"><strong>{props.formMessage}</strong></p>
        </div>
      )}
      <p class="lead">
        {props.slug === 'consult' ? `一般在 ${DEFAULT_REPLY_WORKING_DAYS.consultation} 个工作日内答复。` : `一般在 ${DEFAULT_REPLY_WORKING_DAYS.mailbox} 个工作日内答复。`}
        申请获取政府信息请使用<a href={portalHref(ctx, '/apply')}>在线申请</a>。
      </p>
      <form class="apply-form" method="post" action={portalHref(ctx, `/interact/${props.slug}/new`)} novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <input type="hidden" name="formStamp" value={props.stamp} />
        {ctx.agencyParam && <input type="hidden" name="agency" value={ctx.agencyParam} />}
        <div class="hp-field" aria-hidden="true">
          <label htmlFor="website">网址（请勿填写）</label>
          <input type="text" id="website" name="website" value="" tabIndex={-1} autocomplete="off" />
        </div>
        <FormSection id="sec-asker" title="您的信息">
          <TextField name="askerName" label="姓名" autocomplete="name" maxLength={MESSAGE_MAX_LENGTHS.askerName} {...common} />
          <TextField name="phone" label="联系电话" hint="手机号为 11 位；查询答复时需要输入电话号码的后四位。电话不会公开" type="tel" autocomplete="tel" width="medium" maxLength={MESSAGE_MAX_LENGTHS.phone} {...common} />
          <TextField name="email" label="电子邮箱" optional type="email" autocomplete="email" maxLength={MESSAGE_MAX_LENGTHS.email} {...common} />
        </FormSection>
        <FormSection id="sec-message" title="留言内容">
          <TextField name="subject" label="标题" hint="用一句话概括您的问题，例如：农村宅基地审批需要哪些材料" maxLength={MESSAGE_MAX_LENGTHS.subject} {...common} />
          <TextAreaField name="content" label="内容" hint="请写明事项、地点和您想了解的问题，至少 10 个字。请勿填写身份证号码等个人信息" rows={8} maxLength={MESSAGE_MAX_LENGTHS.content} {...common} />
          <ChoiceField name="consentToPublish" legend="是否同意公开" type="checkbox" optional hint="同意的，问题和答复将在“留言选登”中公开，公开前删除姓名、电话、证件号码等个人信息" options={[{ value: '1', label: '同意公开我的问题和答复' }]} {...common} />
        </FormSection>
        <button type="submit" class="button submit-button">提交留言</button>
      </form>
      <Rules />
    </Layout>
  );
}

export function MessageReceiptPage({ ctx, trackingCode, kind, receivedOn, replyDueOn }: { ctx: PortalContext; trackingCode: string; kind: MessageKind; receivedOn: string; replyDueOn: string }) {
  return (
    <Layout ctx={ctx} title="留言已提交" crumbs={crumbs(ctx, '留言回执')} nav="consult">
      <div class="receipt-panel">
        <h1 class="receipt-title">{MESSAGE_KIND_LABELS[kind]}已提交</h1>
        <p class="receipt-code-label">您的查询码</p>
        <p class="receipt-code">{trackingCode}</p>
        <p>请记下或打印本页。查询答复时需要查询码和您填写的联系电话后四位。</p>
      </div>
      <table class="meta-table receipt-table">
        <caption class="visually-hidden">留言回执</caption>
        <tbody>
          <tr><th scope="row">收到日期</th><td>{formatChineseDate(receivedOn)}</td></tr>
          <tr><th scope="row">答复期限</th><td>{formatChineseDate(replyDueOn)} 前</td></tr>
        </tbody>
      </table>
      <p class="receipt-actions">
        <a class="button" href={portalHref(ctx, '/interact/track', { code: trackingCode })}>查询答复</a>
        <span class="print-hint">可使用浏览器的“打印”功能（Ctrl+P）打印本回执。</span>
      </p>
    </Layout>
  );
}

function TrackResult({ view }: { view: TrackedMessage }) {
  return (
    <section class="track-result" aria-labelledby="track-result-title">
      <h2 id="track-result-title">{view.subject}</h2>
      <table class="meta-table">
        <caption class="visually-hidden">留言办理情况</caption>
        <tbody>
          <tr><th scope="row">类型</th><td>{MESSAGE_KIND_LABELS[view.kind]}</td></tr>
          <tr><th scope="row">状态</th><td>{view.status === 'answered' ? '已答复' : view.status === 'invalid' ? MESSAGE_STATUS_LABELS.invalid : '办理中'}</td></tr>
          <tr><th scope="row">收到日期</th><td>{formatChineseDate(view.receivedOn)}</td></tr>
          <tr><th scope="row">答复期限</th><td>{formatChineseDate(view.replyDueOn)}</td></tr>
          {view.answeredOn && <tr><th scope="row">答复日期</th><td>{formatChineseDate(view.answeredOn)}</td></tr>}
        </tbody>
      </table>
      <h3>留言内容</h3>
      <p class="message-text">{view.content}</p>
      {view.answer !== null && (
        <>
          <h3>答复</h3>
          <p class="message-text">{view.answer}</p>
        </>
      )}
    </section>
  );
}

export function MessageTrackPage(props: { ctx: PortalContext; csrf: string; values: FormValues; errors: FieldError[]; view: TrackedMessage | null }) {
  const { ctx, values, errors } = props;
  return (
    <Layout ctx={ctx} title={`${errors.length ? '错误：' : ''}留言查询`} crumbs={crumbs(ctx, '留言查询')} nav="consult">
      <ErrorSummary errors={errors} />
      <h1 class="page-title">留言查询</h1>
      <form class="track-form" method="post" action={portalHref(ctx, '/interact/track')} novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <TextField name="code" label="查询码" hint="提交留言后回执上显示的查询码" width="medium" maxLength={40} autocomplete="off" values={values} errors={errors} />
        <TextField name="phoneLast4" label="联系电话后四位" width="short" inputMode="numeric" maxLength={4} autocomplete="off" values={values} errors={errors} />
        <button type="submit" class="button submit-button">查询</button>
      </form>
      {props.view && <TrackResult view={props.view} />}
    </Layout>
  );
}

export function AnswersPage({ ctx, q, page, rows, total, pageSize }: { ctx: PortalContext; q: string; page: number; rows: PublicAnswer[]; total: number; pageSize: number }) {
  return (
    <Layout ctx={ctx} title="留言选登" crumbs={crumbs(ctx, '留言选登')} nav="consult">
      <h1 class="page-title">留言选登</h1>
      <form class="search-form" method="get" action={portalHref(ctx, '/interact/answers')} role="search">
        {ctx.agencyParam && <input type="hidden" name="agency" value={ctx.agencyParam} />}
        <label class="form-label" htmlFor="answers-q">搜索问题和答复</label>
        <input class="text-input" id="answers-q" name="q" type="search" value={q} maxLength={50} />
        <button type="submit" class="button">搜索</button>
      </form>
      {rows.length === 0 ? (
        <p>{q ? `没有找到与“${q}”相关的公开答复。` : '暂无公开的答复。'}</p>
      ) : (
        <table class="item-table">
          <caption class="visually-hidden">公开的问题和答复</caption>
          <thead><tr><th scope="col">类型</th><th scope="col">标题</th><th scope="col">答复日期</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>{MESSAGE_KIND_LABELS[r.kind]}</td>
                <td><a href={portalHref(ctx, `/interact/answers/${encodeURIComponent(r.id)}`)}>{r.subject}</a></td>
                <td>{r.answeredOn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} href={(p) => portalHref(ctx, '/interact/answers', { q: q || undefined, page: p })} />
    </Layout>
  );
}

export function AnswerPage({ ctx, answer }: { ctx: PortalContext; answer: PublicAnswer }) {
  return (
    <Layout ctx={ctx} title={answer.subject} crumbs={crumbs(ctx, '留言选登')} nav="consult" head={{ ogType: 'article', description: answer.content.slice(0, 120) }}>
      <h1 class="page-title">{answer.subject}</h1>
      <table class="meta-table">
        <caption class="visually-hidden">留言信息</caption>
        <tbody>
          <tr><th scope="row">类型</th><td>{MESSAGE_KIND_LABELS[answer.kind]}</td></tr>
          <tr><th scope="row">留言日期</th><td>{formatChineseDate(answer.receivedOn)}</td></tr>
          <tr><th scope="row">答复日期</th><td>{answer.answeredOn ? formatChineseDate(answer.answeredOn) : '—'}</td></tr>
        </tbody>
      </table>
      <section class="item-section" aria-labelledby="question-title">
        <h2 id="question-title">留言内容</h2>
        <p class="message-text">{answer.content}</p>
      </section>
      <section class="item-section" aria-labelledby="answer-title">
        <h2 id="answer-title">答复内容</h2>
        <p class="message-text">{answer.answer}</p>
      </section>
      <p><a href={portalHref(ctx, '/interact/answers')}>返回留言选登</a></p>
    </Layout>
  );
}
