// /track: the applicant follows a request with its tracking code and the last four digits of the
// phone number given in the application. The result shows the status, the dates, the due date
// and the steps the applicant is told about (TrackingView), and nothing else.
import { formatChineseDate } from '../../core/time/clock.ts';
import type { TrackDownloads, TrackingView } from '../requests/index.ts';
import { portalHref } from './components.tsx';
import { ErrorSummary, TextField, type FieldError, type FormValues } from './form-fields.tsx';
import { Layout } from './layout.tsx';
import type { PortalContext } from './portal.service.ts';

function TrackForm({ ctx, csrf, values, errors }: { ctx: PortalContext; csrf: string; values: FormValues; errors: FieldError[] }) {
  return (
    <form class="track-form" method="post" action={portalHref(ctx, '/track')} novalidate>
      <input type="hidden" name="_csrf" value={csrf} />
      <TextField name="code" label="查询码" hint="提交申请后回执上显示的查询码" width="medium" maxLength={40} autocomplete="off" values={values} errors={errors} />
      <TextField name="phoneLast4" label="联系电话后四位" hint="申请时填写的联系电话的最后四位数字" width="short" inputMode="numeric" maxLength={4} autocomplete="off" values={values} errors={errors} />
      <button type="submit" class="button submit-button">
        查询
      </button>
    </form>
  );
}

function dateText(date: string | null): string {
  return date ? formatChineseDate(date) : '—';
}

/** The reply and the other notices, with their download links (valid 24 hours). */
function Downloads({ ctx, downloads }: { ctx: PortalContext; downloads: TrackDownloads }) {
  const replies = downloads.notices.filter((n) => n.isReply);
  const others = downloads.notices.filter((n) => !n.isReply);
  if (!downloads.notices.length && !downloads.files.length && !downloads.delivery) return null;
  const notice = (n: TrackDownloads['notices'][number]) => (
    <li>
      {n.title}（{n.number}，{formatChineseDate(n.issuedOn)}）：<a href={portalHref(ctx, n.pdfPath)}>下载 PDF</a> <a href={portalHref(ctx, n.docxPath)}>下载 Word</a>
    </li>
  );
  return (
    <section class="track-downloads" aria-labelledby="track-downloads-title">
      <h3 id="track-downloads-title">答复告知书</h3>
      {downloads.delivery && <p class="track-delivery">{downloads.delivery.text}</p>}
      {replies.length > 0 && <ul class="download-list">{replies.map(notice)}</ul>}
      {downloads.files.length > 0 && (
        <>
          <h4>所提供的政府信息</h4>
          <ul class="download-list">
            {downloads.files.map((f) => (
              <li>
                <a href={portalHref(ctx, f.path)}>{f.filename}</a>
                {f.redacted && <span class="tag">已作区分处理（第三十七条）</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {others.length > 0 && (
        <>
          <h4>其他告知书</h4>
          <ul class="download-list">{others.map(notice)}</ul>
        </>
      )}
      <p class="hint">下载链接 24 小时内有效；过期后请重新查询。</p>
    </section>
  );
}

function TrackingResult({ view }: { view: TrackingView }) {
  return (
    <section class="item-section track-result" aria-labelledby="track-result-title">
      <h2 id="track-result-title">查询码 {view.trackingCode} 的办理情况</h2>
      <table class="meta-table">
        <caption class="visually-hidden">办理情况</caption>
        <tbody>
          <tr>
            <th scope="row">受理机关</th>
            <td>{view.agencyName}</td>
          </tr>
          <tr>
            <th scope="row">当前状态</th>
            <td>
              <strong class="track-status">{view.statusLabel}</strong>
            </td>
          </tr>
          <tr>
            <th scope="row">收到申请日期</th>
            <td>{dateText(view.receivedOn)}</td>
          </tr>
          <tr>
            <th scope="row">答复期限</th>
            <td>
              {view.closedOn ? '已办结' : dateText(view.replyDueOn)}
              {!view.closedOn && view.replyDueOn && view.replyDueProvisional && <span class="tag">暂定：征求意见等期间不计算在内，期限将顺延</span>}
            </td>
          </tr>
          {view.closedOn && (
            <tr>
              <th scope="row">办结日期</th>
              <td>{dateText(view.closedOn)}</td>
            </tr>
          )}
        </tbody>
      </table>
      <h3>办理过程</h3>
      {view.steps.length === 0 ? (
        <p>暂无记录。</p>
      ) : (
        <ol class="track-steps">
          {view.steps.map((s) => (
            <li>
              <span class="track-step-date">{s.at}</span> <strong>{s.label}</strong>
              {s.note && <p class="track-step-note">{s.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function TrackPage(props: { ctx: PortalContext; csrf: string; values: FormValues; errors: FieldError[]; view: TrackingView | null; downloads?: TrackDownloads | null }) {
  const { ctx, errors } = props;
  return (
    <Layout ctx={ctx} title={`${errors.length ? '错误：' : ''}申请办理进度查询`} crumbs={[{ label: '依申请公开' }, { label: '办理进度查询' }]} nav="apply">
      <ErrorSummary errors={errors} />
      <h1 class="page-title">申请办理进度查询</h1>
      {props.view ? (
        <>
          <TrackingResult view={props.view} />
          {props.downloads && <Downloads ctx={ctx} downloads={props.downloads} />}
        </>
      ) : (
        <p class="lead">
          输入查询码和联系电话后四位，查看政府信息公开申请的办理进度。还没有申请？<a href={portalHref(ctx, '/apply')}>在线提交申请</a>。
        </p>
      )}
      <TrackForm ctx={ctx} csrf={props.csrf} values={props.values} errors={errors} />
    </Layout>
  );
}
