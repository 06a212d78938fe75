// Area marks by coordinates (区分处理, 条例 第三十七条), shared by catalog attachments and reply
// files: a scanned page or a photo has no text to search, so the reviewer gives the rectangle to
// remove (image pixels, or PDF points), read off the coordinate grid of the preview; dragging on
// the preview fills the form when JavaScript runs (/assets/redaction.js), and the form works
// without it. Also the previews of the original (areas tinted) beside the redacted copy.
import { gridStep, REDACTION_REASON_LABELS, REDACTION_REASONS, type AreaPage } from '../privacy/index.ts';
import { Csrf, describedBy, errorFor, Field, Select, TextInput, value, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';

const fmt = (n: number) => String(Math.round(n * 10) / 10);

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

export function AreaForm(props: { ctx: PageContext; action: string; image: boolean; pages: AreaPage[]; submitLabel: string; values: FormValues; errors: FieldErrorView[] }) {
  const { image } = props;
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
      <button type="submit" class="button button-warning">{props.submitLabel}</button>
    </form>
  );
}

/**
 * The original (marked areas tinted; an image with its grid) beside the redacted copy, per page.
 * `base` is the URL the page images hang under; `copyVersion` changes with each copy (no stale cache).
 */
export function PagePreviews(props: { base: string; image: boolean; pages: AreaPage[]; copyVersion: string | null; copyName: string }) {
  const { base, image, copyVersion, copyName } = props;
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
          {copyVersion !== null && (
            <figure>
              <img class="redaction-page" src={`${base}/pages/${n}.png?copy=redacted&v=${encodeURIComponent(copyVersion)}`} alt={`${name(n)}${copyName}`} />
              <figcaption>{name(n)} · {copyName}</figcaption>
            </figure>
          )}
        </div>
      ))}
    </section>
  );
}
