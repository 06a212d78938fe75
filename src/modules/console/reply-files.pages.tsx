// Reply files in the console (the information provided with a reply, 条例 第三十六条): the list
// with the item each file belongs to and what the applicant will receive, the upload form (types
// and size stated before upload), and the redaction page of one file (区分处理, 第三十七条):
// detected personal data (masked) to tick, any other text to remove, areas of scanned pages and
// photos by coordinates (redaction.areas.tsx), the legal ground, and previews of the original and
// of the redacted copy. Everything works without JavaScript.
// Also the delivery record (送达) shown on the request's record page.
import type { AreaPage, DeliveryView, FileFinding, ReplyFileView, ReplyItemView } from '../requests/index.ts';
import { REDACTION_REASON_LABELS, REDACTION_REASONS } from '../privacy/index.ts';
import { ConsoleLayout, Csrf, errorFor, Select, TextInput, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';
import { shanghaiDateTime } from './format.ts';
import { formatSize } from './items.pages.tsx';
import { FINDING_TYPE_LABELS } from './redaction.pages.tsx';
import { AreaForm, PagePreviews } from './redaction.areas.tsx';
import { MarksTable } from './reply-files.areas.tsx';
import { requestHref } from './requests.pages.tsx';

export const RELEASE_LABELS: Record<ReplyFileView['release'], string> = {
  original: '提供原件',
  redacted: '提供区分处理后的副本',
  needsRedaction: '须作区分处理：尚无处理后的副本，不能审定答复',
  withheld: '不提供（该项不予公开或未作决定）',
};
const REASON_OPTIONS = REDACTION_REASONS.map((r) => ({ value: r, label: REDACTION_REASON_LABELS[r] }));

export const filesHref = (requestId: string) => `${requestHref(requestId)}/files`;
export const fileHref = (requestId: string, fileId: string) => `${filesHref(requestId)}/${fileId}`;

interface RequestRef {
  id: string;
  trackingCode: string;
}

function Downloads({ r, f }: { r: RequestRef; f: ReplyFileView }) {
  return (
    <>
      <a href={`${fileHref(r.id, f.id)}/download`}>原件<span class="visually-hidden"> {f.filename}</span></a>
      {f.redacted && <> · <a href={`${fileHref(r.id, f.id)}/download?copy=redacted`}>处理后的副本<span class="visually-hidden"> {f.filename}</span></a></>}
    </>
  );
}

function FilesTable(props: { ctx: PageContext; r: RequestRef; files: ReplyFileView[]; canEdit: boolean }) {
  const { ctx, r } = props;
  if (props.files.length === 0) return <p class="muted">尚未上传答复材料。</p>;
  return (
    <div class="table-wrap" role="region" aria-label="答复材料" tabIndex={0}>
      <table class="table reply-files">
        <thead>
          <tr><th scope="col">文件</th><th scope="col">所属信息</th><th scope="col">大小</th><th scope="col">区分处理</th><th scope="col">申请人获得</th><th scope="col">下载</th>{props.canEdit && <th scope="col">操作</th>}</tr>
        </thead>
        <tbody>
          {props.files.map((f) => (
            <tr>
              <td>{f.redactable ? <a href={`${fileHref(r.id, f.id)}/redact`}>{f.filename}</a> : f.filename}</td>
              <td>{f.itemLabel}</td>
              <td>{formatSize(f.size)}</td>
              <td>{f.redacted ? `已删除 ${f.redactions.length} 项（${f.redacted.by}，${shanghaiDateTime(f.redacted.at)}）` : '未处理'}</td>
              <td class={f.release === 'needsRedaction' ? 'warning' : undefined}>{RELEASE_LABELS[f.release]}</td>
              <td><Downloads r={r} f={f} /></td>
              {props.canEdit && (
                <td>
                  {f.redactable && <a href={`${fileHref(r.id, f.id)}/redact`}>区分处理<span class="visually-hidden"> {f.filename}</span></a>}
                  <form method="post" action={`${fileHref(r.id, f.id)}/delete`} class="inline-form">
                    <Csrf ctx={ctx} />
                    <button type="submit" class="button button-small button-quiet">删除<span class="visually-hidden">材料 {f.filename}</span></button>
                  </form>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UploadForm(props: { ctx: PageContext; r: RequestRef; items: ReplyItemView[]; maxUploadMb: number; values: FormValues; errors: FieldErrorView[] }) {
  const error = errorFor(props.errors, 'file');
  const options = props.items.map((i) => ({ value: i.id, label: `${i.position}. ${i.description.slice(0, 40)}（${i.decisionLabel}）` }));
  return (
    <form method="post" action={`${filesHref(props.r.id)}?_csrf=${encodeURIComponent(props.ctx.csrf)}`} enctype="multipart/form-data" class="form upload-reply-file" novalidate>
      <h2>上传答复材料</h2>
      <div class={error ? 'field field-error' : 'field'}>
        <label for="file">文件</label>
        <p class="hint" id="file-hint">可上传 PDF、Word（DOCX）、JPG 或 PNG 文件，单个文件不超过 {props.maxUploadMb} MB，按文件内容识别格式。PDF 和 DOCX 可按文字删除个人信息等内容，扫描件和照片（PDF、JPG、PNG）可按区域删除。</p>
        {error && <p class="error-message" id="file-error"><span class="visually-hidden">错误：</span>{error}</p>}
        <input type="file" id="file" name="file" accept=".pdf,.docx,.jpg,.jpeg,.png" aria-describedby={error ? 'file-hint file-error' : 'file-hint'} />
      </div>
      <Select name="replyItemId" label="所属信息" emptyLabel="整份答复" hint="部分公开的信息，其材料须作区分处理后才能提供给申请人（第三十七条）" options={options} values={props.values} errors={props.errors} />
      <button type="submit" class="button">上传</button>
    </form>
  );
}

export function ReplyFilesPage(props: {
  ctx: PageContext;
  r: RequestRef;
  files: ReplyFileView[];
  items: ReplyItemView[];
  canEdit: boolean;
  maxUploadMb: number;
  values: FormValues;
  errors: FieldErrorView[];
  notice?: string;
}) {
  const { ctx, r } = props;
  const pending = props.files.filter((f) => f.release === 'needsRedaction').length;
  return (
    <ConsoleLayout ctx={ctx} title={`答复材料 ${r.trackingCode}`} errors={props.errors} notice={props.notice}>
      <p class="record-links">
        <a href={requestHref(r.id)}>返回申请记录</a> <a href={`${requestHref(r.id)}/reply`}>答复稿与答复告知书</a>
      </p>
      <p>随答复提供给申请人的信息。部分公开的信息只提供删除了不应公开内容后的副本，原件留存备查（条例第三十七条）。</p>
      {pending > 0 && <p class="warning">有 {pending} 个材料须作区分处理，处理前不能审定答复。</p>}
      <section aria-labelledby="files-title">
        <h2 id="files-title">已上传的材料（{props.files.length}）</h2>
        <FilesTable ctx={ctx} r={r} files={props.files} canEdit={props.canEdit} />
      </section>
      {props.canEdit
        ? <UploadForm ctx={ctx} r={r} items={props.items} maxUploadMb={props.maxUploadMb} values={props.values} errors={props.errors} />
        : <p class="muted">只有承办单位（办理中）或公开办（审核答复时）可以上传和处理答复材料。</p>}
    </ConsoleLayout>
  );
}

function RedactForm(props: { ctx: PageContext; action: string; findings: FileFinding[]; removed: string[]; values: FormValues; errors: FieldErrorView[] }) {
  return (
    <form method="post" action={props.action} class="form redact-reply-file" novalidate>
      <Csrf ctx={props.ctx} />
      {props.findings.length > 0 ? (
        <fieldset class="field">
          <legend>检测到的个人信息（勾选要删除的）</legend>
          <div class="choices">
            {props.findings.map((f, i) => (
              <div class="choice">
                <input type="checkbox" id={`finding-${i}`} name="finding" value={`${f.type}:${f.text}`} />
                <label for={`finding-${i}`}>{FINDING_TYPE_LABELS[f.type] ?? f.type}：{f.masked}{props.removed.includes(f.masked) && '（已删除）'}</label>
              </div>
            ))}
          </div>
        </fieldset>
      ) : <p class="muted">未在材料中检测到个人信息。</p>}
      <TextInput name="text" label="其他要删除的文字（选填）" hint="材料中出现该文字的每一处都会被删除" values={props.values} errors={props.errors} />
      <Select name="reason" label="删除的法定理由" options={REASON_OPTIONS} values={{ reason: 'thirdPartyRights', ...props.values }} errors={props.errors} />
      <button type="submit" class="button button-warning">删除所选内容并生成副本</button>
    </form>
  );
}

export function ReplyFileRedactionPage(props: {
  ctx: PageContext;
  r: RequestRef;
  file: ReplyFileView;
  findings: FileFinding[];
  pages: AreaPage[];
  canEdit: boolean;
  values: FormValues;
  errors: FieldErrorView[];
  notice?: string;
}) {
  const { ctx, r, file } = props;
  const base = fileHref(r.id, file.id);
  const image = file.kind === 'jpg' || file.kind === 'png';
  return (
    <ConsoleLayout ctx={ctx} title={`答复材料区分处理：${file.filename}`} errors={props.errors} notice={props.notice} wide>
      <link rel="stylesheet" href="/assets/redaction.css" />
      {props.canEdit && props.pages.length > 0 && <script src="/assets/redaction.js" defer></script>}
      <p class="record-links">
        <a href={filesHref(r.id)}>返回答复材料</a> <a href={requestHref(r.id)}>申请记录 {r.trackingCode}</a>
      </p>
      <p>所属信息：{file.itemLabel} · 申请人获得：{RELEASE_LABELS[file.release]}</p>
      <p>删除的内容从副本中真正移除（{image ? '区域内的像素清除为黑色，照片的拍摄信息、位置等元数据一并去除' : '文字、图像和元数据'}），不是遮盖；每次处理都从原件重新生成副本，原件留存备查。</p>
      <section aria-labelledby="copy-title">
        <h2 id="copy-title">处理后的副本</h2>
        {file.redacted
          ? <p>已生成（{file.redacted.by}，<time datetime={file.redacted.at}>{shanghaiDateTime(file.redacted.at)}</time>，{formatSize(file.redacted.size)}）。<Downloads r={r} f={file} /></p>
          : <p>尚未生成。<Downloads r={r} f={file} /></p>}
        <MarksTable ctx={ctx} base={base} file={file} canEdit={props.canEdit} />
      </section>
      {props.canEdit && (
        <section aria-labelledby="redact-title">
          <h2 id="redact-title">删除内容</h2>
          {!image && <RedactForm ctx={ctx} action={`${base}/redact`} findings={props.findings} removed={file.redactions.map((m) => m.preview)} values={props.values} errors={props.errors} />}
          {props.pages.length > 0 && <AreaForm ctx={ctx} action={`${base}/redact/areas`} image={image} pages={props.pages} submitLabel="删除该区域并生成副本" values={props.values} errors={props.errors} />}
        </section>
      )}
      {props.pages.length > 0 && <PagePreviews base={base} image={image} pages={props.pages} copyVersion={file.redacted?.at ?? null} copyName="处理后的副本" />}
    </ConsoleLayout>
  );
}

/** The delivery record (送达) on the request's record page. */
export function DeliverySection({ delivery }: { delivery: DeliveryView | null }) {
  if (!delivery) return null;
  const rows: [string, string][] = [
    ['送达方式', delivery.methodLabel],
    ['送达日期', delivery.deliveredOn],
    ['邮寄单号', delivery.trackingNumber],
    ['签收人', delivery.recipientNote],
    ['登记人', delivery.recordedBy],
  ];
  if (delivery.method === 'onlineDownload') rows.push(['申请人首次下载', delivery.firstDownloadedAt ? shanghaiDateTime(delivery.firstDownloadedAt) : '尚未下载']);
  return (
    <section aria-labelledby="delivery-title">
      <h2 id="delivery-title">送达</h2>
      <p>{delivery.text}</p>
      <table class="table meta">
        <tbody>{rows.filter(([, v]) => v).map(([k, v]) => <tr><th scope="row">{k}</th><td>{v}</td></tr>)}</tbody>
      </table>
    </section>
  );
}
