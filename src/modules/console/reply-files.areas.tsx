// Area marks on a reply file (区分处理, 条例 第三十七条): a scanned page or a photo has no text to
// search, so the drafter gives the rectangle to remove by coordinates (image pixels, or PDF points),
// read off the coordinate grid of the preview; dragging on the preview fills the form when
// JavaScript runs (/assets/redaction.js), and the form works without it. Also the table of marks
// with the way to take one back, and the page previews.
import type { AreaPage, ReplyFileView } from '../requests/index.ts';
import { gridStep, REDACTION_REASON_LABELS, REDACTION_REASONS } from '../privacy/index.ts';
import { Csrf, describedBy, errorFor, Field, Select, TextInput, value, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';

const fmt = (n: number) => String(Math.round(n * 10) / 10);
const areaLabel = (a: NonNullable<ReplyFileView['redactions'][number]['area']>, image: boolean) =>
  `${image ? '' : `第 ${a.page} 页 `}(${fmt(a.rect[0])}, ${fmt(a.rect[1])})–(${fmt(a.rect[2])}, ${fmt(a.rect[3])})`;

/** The reason select of the area form: its own id, so the page has one control per id. */
function AreaReason(props: { values: FormValues; errors: FieldErrorView[] }) {
  const id = 'areaReason';
  const error = errorFor(props.errors, id);
  const chosen = value(props.values, 'reason') || 'thirdPartyRights';
  return (
    <Field id={id} label="该区域删除的法定理由" error={error}>
      <select id={id} name="reason" aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, undefined, error)}>
        {REDACTION_REASONS.map((r) => <option value={r} selected={r === chosen}>{REDACTION_REASON_LABELS[r]}</option>)}
      </select>
    </Field>
  );
}

export function AreaForm(props: { ctx: PageContext; action: string; file: ReplyFileView; pages: AreaPage[]; values: FormValues; errors: FieldErrorView[] }) {
  const image = props.file.kind === 'jpg' || props.file.kind === 'png';
  const first = props.pages[0]!;
  const hint = image
    ? `坐标以像素为单位，从图片左上角起算；图片宽 ${first.width}、高 ${first.height} 像素，预览图上的蓝色网格线每 ${gridStep(first)} 像素一条。也可在预览图上拖动鼠标框选。`
    : '坐标以点（1/72 英寸）为单位，从页面左上角起算；页面图片上每 1.5 像素为 1 点。也可在页面图片上拖动鼠标框选。';
  return (
    <form method="post" action={props.action} class="form redaction-area-form" novalidate>
      <Csrf ctx={props.ctx} />
      <h3>按区域删除</h3>
      <p class="hint">{hint}区域内的全部内容（{image ? '像素' : '文字、图像'}）在副本中被清除为黑色，副本不含原图的拍摄信息、位置等元数据。</p>
      {image
        ? <input type="hidden" name="page" value="1" />
        : <Select name="page" label="页码" options={props.pages.map((p) => ({ value: String(p.page), label: `第 ${p.page} 页（${fmt(p.width)} × ${fmt(p.height)} 点）` }))} values={props.values} errors={props.errors} />}
      <TextInput name="x" label="左边距 x" values={props.values} errors={props.errors} type="number" />
      <TextInput name="y" label="上边距 y" values={props.values} errors={props.errors} type="number" />
      <TextInput name="width" label="宽度" values={props.values} errors={props.errors} type="number" />
      <TextInput name="height" label="高度" values={props.values} errors={props.errors} type="number" />
      <AreaReason values={props.values} errors={props.errors} />
      <button type="submit" class="button button-warning">删除该区域并生成副本</button>
    </form>
  );
}

export function MarksTable(props: { ctx: PageContext; base: string; file: ReplyFileView; canEdit: boolean }) {
  const { file } = props;
  if (file.redactions.length === 0) return null;
  const image = file.kind === 'jpg' || file.kind === 'png';
  return (
    <table class="table">
      <thead>
        <tr>
          <th scope="col">删除的内容（已遮盖）</th><th scope="col">处数</th><th scope="col">法定理由</th>
          <th scope="col">区域（{image ? '像素' : '点'}，左上角起）</th><th scope="col">处理人</th>{props.canEdit && <th scope="col">操作</th>}
        </tr>
      </thead>
      <tbody>
        {file.redactions.map((m) => (
          <tr>
            <td>{m.preview || '—'}</td><td>{m.occurrences}</td><td>{m.reasonLabel}</td><td>{m.area ? areaLabel(m.area, image) : '按文字'}</td><td>{m.byName}</td>
            {props.canEdit && (
              <td>
                <form method="post" action={`${props.base}/redact/marks/${m.id}/delete`} class="inline-form">
                  <Csrf ctx={props.ctx} />
                  <button type="submit" class="button button-small button-secondary">撤销<span class="visually-hidden"> {m.area ? areaLabel(m.area, image) : m.preview}</span></button>
                </form>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The original (marked areas tinted; an image with its grid) beside the redacted copy, per page. */
export function PagePreviews(props: { base: string; file: ReplyFileView; pages: AreaPage[] }) {
  const { base, file } = props;
  const image = file.kind === 'jpg' || file.kind === 'png';
  const version = file.redacted ? `&v=${encodeURIComponent(file.redacted.at)}` : '';
  const name = (n: number) => (image ? '图片' : `第 ${n} 页`);
  return (
    <section aria-labelledby="pages-title">
      <h2 id="pages-title">{image ? '图片' : '页面'}</h2>
      {props.pages.map(({ page: n, scale }) => (
        <div class="redaction-pages">
          <figure>
            <img class="redaction-page" data-page={n} data-scale={String(scale)} src={`${base}/pages/${n}.png`} alt={`${name(n)}原件（红色为标注删除的区域${image ? '，蓝线为坐标网格' : ''}）`} />
            <figcaption>{name(n)} · 原件与标注</figcaption>
          </figure>
          {file.redacted && (
            <figure>
              <img class="redaction-page" src={`${base}/pages/${n}.png?copy=redacted${version}`} alt={`${name(n)}处理后的副本`} />
              <figcaption>{name(n)} · 处理后的副本</figcaption>
            </figure>
          )}
        </div>
      ))}
    </section>
  );
}
