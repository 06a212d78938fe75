// The redaction workspace of one attachment (page images with the marked areas, detected
// personal data to accept, an area form by coordinates: PDF points or the pixels of a JPEG/PNG
// image, 应用删除) and the printable redaction log.
import type { DetectedFinding, RedactionArea, RedactionLogEntry, RedactionWorkspace } from '../privacy/index.ts';
import { REDACTION_REASON_LABELS, REDACTION_REASONS, type RedactedCopyInfo } from '../privacy/index.ts';
import type { ItemDetail } from '../catalog/catalog.contract.ts';
import { ConsoleLayout, Csrf, Select, TextInput, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';
import { AreaForm, PagePreviews } from './redaction.areas.tsx';
import { shanghaiDate, shanghaiDateTime } from './format.ts';

export const FINDING_TYPE_LABELS: Record<string, string> = {
  idCard: '身份证号码', mobile: '手机号码', landline: '固定电话', creditCode: '统一社会信用代码', bankCard: '银行卡号',
  propertyCertificate: '不动产权证号', propertyUnit: '不动产单元号', email: '电子邮箱', passport: '护照或通行证号码', name: '姓名', address: '地址',
};
const REASON_OPTIONS = REDACTION_REASONS.map((r) => ({ value: r, label: REDACTION_REASON_LABELS[r] }));
const reasonLabel = (r: string) => (REDACTION_REASON_LABELS as Record<string, string>)[r] ?? r;
const fmt = (n: number) => String(Math.round(n * 10) / 10);
export const areaText = (a: RedactionArea) => (a.page === 0 ? '按文字' : `(${fmt(a.rect[0])}, ${fmt(a.rect[1])})–(${fmt(a.rect[2])}, ${fmt(a.rect[3])})`);

function AreasTable(props: { ctx: PageContext; base: string; areas: RedactionArea[]; canEdit: boolean; image: boolean }) {
  if (props.areas.length === 0) return <p class="muted">尚未标注删除区域。</p>;
  return (
    <table class="table">
      <thead>
        <tr><th scope="col">页码</th><th scope="col">区域（{props.image ? '像素' : '点'}，左上角起）</th><th scope="col">删除理由</th><th scope="col">内容（已遮盖）</th><th scope="col">标注人</th><th scope="col">状态</th>{props.canEdit && <th scope="col">操作</th>}</tr>
      </thead>
      <tbody>
        {props.areas.map((a) => (
          <tr>
            <td>{a.page || '—'}</td>
            <td>{areaText(a)}</td>
            <td>{reasonLabel(a.reason)}</td>
            <td>{a.textPreview || '—'}</td>
            <td>{a.createdByName}</td>
            <td>{a.appliedAt ? '已应用' : '待应用'}</td>
            {props.canEdit && (
              <td>
                {!a.appliedAt && (
                  <form method="post" action={`${props.base}/areas/${a.id}/delete`}>
                    <Csrf ctx={props.ctx} />
                    <button type="submit" class="button button-secondary">撤销</button>
                  </form>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FindingsForm(props: { ctx: PageContext; base: string; findings: DetectedFinding[]; values: FormValues; errors: FieldErrorView[] }) {
  if (props.findings.length === 0) return <p class="muted">未在附件中检测到个人信息。</p>;
  return (
    <form method="post" action={`${props.base}/accept`} class="form" novalidate>
      <Csrf ctx={props.ctx} />
      <fieldset class="field">
        <legend>检测到的个人信息（勾选后标为删除区域）</legend>
        <div class="choices">
          {props.findings.map((f, i) => (
            <div class="choice">
              <input type="checkbox" id={`finding-${i}`} name="finding" value={`${f.type}:${f.text}`} checked />
              <label for={`finding-${i}`}>{FINDING_TYPE_LABELS[f.type] ?? f.type}：{f.masked}{f.areas ? `（${f.areas} 处）` : '（页面中未定位，请按坐标标注）'}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <Select name="reason" label="删除理由" options={REASON_OPTIONS} values={{ reason: 'thirdPartyRights', ...props.values }} errors={props.errors} />
      <button type="submit" class="button">标为删除区域</button>
    </form>
  );
}

function TextForm(props: { ctx: PageContext; base: string; values: FormValues; errors: FieldErrorView[] }) {
  return (
    <form method="post" action={`${props.base}/accept`} class="form" novalidate>
      <Csrf ctx={props.ctx} />
      <h3>按文字标注</h3>
      <TextInput name="text" label="要删除的文字" hint="附件中出现该文字的每一处都会被删除" values={props.values} errors={props.errors} />
      <Select name="reason" id="text-reason" label="删除理由" options={REASON_OPTIONS} values={{ reason: 'thirdPartyRights', ...props.values }} errors={props.errors} />
      <button type="submit" class="button">标为删除区域</button>
    </form>
  );
}

function CopyNotice(props: { copy: RedactedCopyInfo | null; pending: number }) {
  return (
    <section aria-labelledby="copy-title">
      <h2 id="copy-title">公开副本</h2>
      {props.copy ? (
        <p>已生成删除后的副本（{props.copy.areaCount} 处，{props.copy.appliedByName}，<time datetime={props.copy.appliedAt}>{shanghaiDateTime(props.copy.appliedAt)}</time>）。发布后公众下载的是此副本，原件不公开。</p>
      ) : (
        <p>尚未生成删除后的副本：发布时将公开原件。</p>
      )}
      {props.pending > 0 && <p class="warning">有 {props.pending} 处标注尚未应用，请点击“应用删除”重新生成副本。</p>}
    </section>
  );
}

export function RedactionPage(props: { ctx: PageContext; ws: RedactionWorkspace; findings: DetectedFinding[]; values: FormValues; errors: FieldErrorView[]; notice?: string }) {
  const { ctx, ws } = props;
  const base = `/console/items/${ws.item.id}/attachments/${ws.attachment.id}/redact`;
  const pending = ws.areas.filter((a) => !a.appliedAt).length;
  const image = ws.kind === 'jpg' || ws.kind === 'png';
  return (
    <ConsoleLayout ctx={ctx} title={`附件删除处理：${ws.attachment.filename}`} errors={props.errors} notice={props.notice} wide>
      <link rel="stylesheet" href="/assets/redaction.css" />
      <script src="/assets/redaction.js" defer></script>
      <p class="record-links">
        <a href={`/console/items/${ws.item.id}`}>返回记录页</a> · <a href={`/console/items/${ws.item.id}/redactions`}>删除记录（可打印）</a>
      </p>
      <p>信息：{ws.item.title}。删除的内容从公开副本中真正移除（{image ? '区域内的像素清除为黑色，照片的拍摄信息、位置等元数据一并去除' : '文字、图像和元数据'}），不是遮盖；原件留存备查。</p>
      {!ws.canEdit && <p class="muted">只有保密审查员（保密审查环节）或公开办工作人员（复核环节）可以标注和应用删除。</p>}
      <CopyNotice copy={ws.copy} pending={pending} />
      <section aria-labelledby="areas-title">
        <h2 id="areas-title">已标注的删除区域（{ws.areas.length}）</h2>
        <AreasTable ctx={ctx} base={base} areas={ws.areas} canEdit={ws.canEdit} image={image} />
        {ws.canEdit && ws.areas.length > 0 && (
          <form method="post" action={`${base}/apply`} class="form">
            <Csrf ctx={ctx} />
            <button type="submit" class="button button-warning">应用删除</button>
          </form>
        )}
      </section>
      {ws.canEdit && (
        <section aria-labelledby="mark-title">
          <h2 id="mark-title">标注删除区域</h2>
          {!image && <FindingsForm ctx={ctx} base={base} findings={props.findings} values={props.values} errors={props.errors} />}
          {ws.pages.length > 0 && <AreaForm ctx={ctx} action={`${base}/areas`} image={image} pages={ws.pages} submitLabel="添加区域" values={props.values} errors={props.errors} />}
          {!image && <TextForm ctx={ctx} base={base} values={props.values} errors={props.errors} />}
        </section>
      )}
      {ws.pages.length > 0 && <PagePreviews base={base.replace(/\/redact$/, '')} image={image} pages={ws.pages} copyVersion={ws.copy?.sha256.slice(0, 12) ?? null} copyName="删除后的副本" />}
    </ConsoleLayout>
  );
}

export function RedactionLogPage(props: { ctx: PageContext; item: ItemDetail; entries: RedactionLogEntry[]; copies: (RedactedCopyInfo & { filename: string })[]; printedOn: string }) {
  return (
    <ConsoleLayout ctx={props.ctx} title="政府信息公开区分处理（删除）记录" printable>
      <p>信息标题：{props.item.title} · 发文字号：{props.item.docNumber || '—'} · 索引号：{props.item.indexNumber ?? '—'}</p>
      <table class="table sheet">
        <caption>删除区域</caption>
        <thead>
          <tr><th scope="col">附件</th><th scope="col">页码</th><th scope="col">区域（PDF 为点，图片为像素）</th><th scope="col">内容（已遮盖）</th><th scope="col">删除理由</th><th scope="col">标注人</th><th scope="col">标注时间</th><th scope="col">应用时间</th></tr>
        </thead>
        <tbody>
          {props.entries.map((e) => (
            <tr>
              <td>{e.filename}</td><td>{e.page || '—'}</td><td>{areaText(e)}</td><td>{e.textPreview || '—'}</td><td>{reasonLabel(e.reason)}</td>
              <td>{e.createdByName}</td><td>{shanghaiDateTime(e.createdAt)}</td><td>{e.appliedAt ? shanghaiDateTime(e.appliedAt) : '未应用'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.entries.length === 0 && <p>没有删除记录。</p>}
      {props.copies.map((c) => (
        <p>公开副本：{c.filename}，{c.areaCount} 处删除，{c.appliedByName} 于 {shanghaiDate(c.appliedAt)} 生成（SHA-256 {c.sha256.slice(0, 16)}…）。</p>
      ))}
      <p class="muted">打印日期：{props.printedOn} · 本记录由系统生成，随信息一并归档。</p>
      <p class="no-print"><a href={`/console/items/${props.item.id}`}>返回记录页</a></p>
    </ConsoleLayout>
  );
}
