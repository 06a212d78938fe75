// Item list with filters and paging, and the item editor (new, edit draft, revise published).
import { DISCLOSURE_MODE_LABELS, DISCLOSURE_MODES, ITEM_STATUSES, SCOPE_LABELS, SCOPES, STATUS_LABELS, VALIDITIES, VALIDITY_LABELS } from '../catalog/catalog.contract.ts';
import type { AttachmentInfo, ColumnNode, ItemSummary, Page } from '../catalog/catalog.contract.ts';
import { columnOptions } from './column-tree.ts';
import { Choices, Csrf, ConsoleLayout, Select, TextArea, TextInput, type FieldErrorView, type FormValues, type PageContext } from './console.layout.tsx';

export function ItemsListPage(props: {
  ctx: PageContext;
  page: Page<ItemSummary>;
  columns: ColumnNode[];
  filters: { status?: string; columnId?: string; q?: string };
  canDraft: boolean;
}) {
  const { page, filters } = props;
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const link = (p: number) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v) qs.set(k, v);
    qs.set('page', String(p));
    return `/console/items?${qs}`;
  };
  const filterValues: FormValues = { status: filters.status, columnId: filters.columnId, q: filters.q };
  return (
    <ConsoleLayout ctx={props.ctx} title="政府信息">
      {props.canDraft && <p><a class="button" href="/console/items/new">新建信息</a></p>}
      <form method="get" action="/console/items" class="filters" role="search" aria-label="筛选政府信息">
        <Select name="status" label="状态" emptyLabel="全部状态" options={ITEM_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} values={filterValues} errors={[]} />
        <Select name="columnId" label="栏目" emptyLabel="全部栏目" options={columnOptions(props.columns)} values={filterValues} errors={[]} />
        <TextInput name="q" label="标题、文号或索引号" values={filterValues} errors={[]} />
        <button type="submit" class="button button-secondary">筛选</button>
      </form>
      <p class="muted">共 {page.total} 条，第 {page.page} / {pages} 页</p>
      <div class="table-wrap" role="region" aria-label="信息列表" tabIndex={0}>
        <table class="table">
          <thead>
            <tr><th scope="col">标题</th><th scope="col">栏目</th><th scope="col">文号</th><th scope="col">状态</th><th scope="col">成文日期</th><th scope="col">索引号</th></tr>
          </thead>
          <tbody>
            {page.items.map((i) => (
              <tr>
                <td><a href={`/console/items/${i.id}`}>{i.title}</a>{i.isMajor && <span class="tag">重大</span>}</td>
                <td>{i.columnName}</td>
                <td>{i.docNumber || '—'}</td>
                <td>{STATUS_LABELS[i.status]}</td>
                <td>{i.writtenOn ?? '—'}</td>
                <td>{i.indexNumber ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.items.length === 0 && <p class="empty">没有符合条件的信息。</p>}
      {pages > 1 && (
        <nav class="pager" aria-label="分页">
          {page.page > 1 && <a href={link(page.page - 1)} rel="prev">上一页</a>}
          <span>第 {page.page} 页</span>
          {page.page < pages && <a href={link(page.page + 1)} rel="next">下一页</a>}
        </nav>
      )}
    </ConsoleLayout>
  );
}

export type EditorMode = { kind: 'new' } | { kind: 'edit'; itemId: string; attachments: AttachmentInfo[]; maxUploadMb: number } | { kind: 'revise'; itemId: string };

const TITLES = { new: '新建政府信息', edit: '编辑草稿', revise: '修订已发布信息' } as const;

function actionOf(mode: EditorMode): string {
  return mode.kind === 'new' ? '/console/items/new' : `/console/items/${mode.itemId}/${mode.kind}`;
}

export function ItemEditorPage(props: {
  ctx: PageContext;
  mode: EditorMode;
  columns: ColumnNode[];
  policyItems: ItemSummary[];
  values: FormValues;
  errors: FieldErrorView[];
  notice?: string;
}) {
  const { ctx, mode, values: v, errors } = props;
  const action = `${actionOf(mode)}?_csrf=${encodeURIComponent(ctx.csrf)}`;
  return (
    <ConsoleLayout ctx={ctx} title={TITLES[mode.kind]} errors={errors} notice={props.notice}>
      <form method="post" action={action} enctype="multipart/form-data" class="form editor" novalidate>
        <Csrf ctx={ctx} />
        <div class="form-actions">
          <button type="submit" name="intent" value="save" class="button">{mode.kind === 'revise' ? '保存修订' : '保存草稿'}</button>
          {mode.kind !== 'new' && <a href={`/console/items/${mode.itemId}`} class="button button-quiet">返回记录</a>}
        </div>
        {mode.kind !== 'revise' && (
          <fieldset class="field import-box">
            <legend>从 Word 文档导入</legend>
            <p class="hint" id="wordFile-hint">仅限 .docx 文件。导入后将用文档的第一个标题和正文填充下方的“标题”和“正文”，其余内容保持不变。</p>
            <label for="wordFile">选择 Word 文档</label>
            <input type="file" id="wordFile" name="wordFile" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" aria-describedby="wordFile-hint" />
            {errors.some((e) => e.field === 'wordFile') && <p class="error-message" id="wordFile-error">{errors.find((e) => e.field === 'wordFile')!.message}</p>}
            <button type="submit" name="intent" value="import" class="button button-secondary">导入文档</button>
          </fieldset>
        )}
        <Select name="columnId" label="栏目" emptyLabel="请选择栏目" options={columnOptions(props.columns)} values={v} errors={errors} required />
        <TextInput name="title" label="标题" values={v} errors={errors} required />
        <TextInput name="docNumber" label="发文字号（文号）" hint="例如：赣市自然资字〔2025〕12号；无文号的留空" values={v} errors={errors} />
        <TextArea name="issuers" label="发文机关" hint="每行一个；联合发文的逐行填写" rows={2} values={v} errors={errors} />
        <TextInput name="writtenOn" label="成文日期" type="date" hint="自成文之日起 20 个工作日内公开（条例第二十六条）" values={v} errors={errors} />
        <TextInput name="topic" label="主题分类" values={v} errors={errors} />
        <TextArea name="summary" label="内容概述（摘要）" rows={3} values={v} errors={errors} />
        <TextArea name="bodyHtml" label="正文" hint="可使用 HTML 排版；保存时将自动清除不安全的内容" rows={14} values={v} errors={errors} />
        <Choices name="disclosureMode" legend="公开方式（源头认定）" type="radio" options={DISCLOSURE_MODES.map((m) => ({ value: m, label: DISCLOSURE_MODE_LABELS[m] }))} values={v} errors={errors} />
        <TextArea name="disclosureModeReason" label="不主动公开的理由" hint="选择依申请公开或不予公开时必填，写明依据的条款" rows={2} values={v} errors={errors} />
        <Choices name="scope" legend="公开范围" type="radio" options={SCOPES.map((s) => ({ value: s, label: SCOPE_LABELS[s] }))} values={v} errors={errors} />
        <Select name="validity" label="有效性" options={VALIDITIES.map((x) => ({ value: x, label: VALIDITY_LABELS[x] }))} values={v} errors={errors} />
        <Choices name="isMajor" legend="重大事项" type="checkbox" hint="重大或敏感事项须经主要领导审定" options={[{ value: '1', label: '属于重大事项' }]} values={v} errors={errors} />
        <Select
          name="interpretsItemIds"
          label="解读的政策文件"
          hint="本条是政策解读时，选择它所解读的已发布政策文件（可多选，按住 Ctrl 键）；其他信息不选"
          multiple
          options={props.policyItems.map((i) => ({ value: i.id, label: `${i.title}${i.indexNumber ? `（${i.indexNumber}）` : ''}` }))}
          values={v}
          errors={errors}
        />
        {mode.kind === 'revise' && <TextArea name="reviseReason" label="修订原因" rows={2} values={v} errors={errors} required />}
        <div class="form-actions">
          <button type="submit" name="intent" value="save" class="button">{mode.kind === 'revise' ? '保存修订' : '保存草稿'}</button>
        </div>
      </form>
      {mode.kind === 'edit' && <AttachmentsEditor ctx={ctx} itemId={mode.itemId} attachments={mode.attachments} maxUploadMb={mode.maxUploadMb} errors={errors} />}
    </ConsoleLayout>
  );
}

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function AttachmentsEditor(props: { ctx: PageContext; itemId: string; attachments: AttachmentInfo[]; maxUploadMb: number; errors: FieldErrorView[] }) {
  const { ctx, itemId } = props;
  const error = props.errors.find((e) => e.field === 'file')?.message;
  return (
    <section aria-labelledby="attachments-title" class="attachments">
      <h2 id="attachments-title">附件</h2>
      {props.attachments.length === 0 && <p class="muted">尚无附件。</p>}
      <ul>
        {props.attachments.map((a) => (
          <li>
            <a href={`/console/attachments/${a.id}`}>{a.filename}</a> <span class="muted">（{formatSize(a.size)}）</span>
            <form method="post" action={`/console/items/${itemId}/attachments/${a.id}/delete`} class="inline-form">
              <Csrf ctx={ctx} />
              <button type="submit" class="button button-small button-quiet">删除<span class="visually-hidden">附件 {a.filename}</span></button>
            </form>
          </li>
        ))}
      </ul>
      <form method="post" action={`/console/items/${itemId}/attachments?_csrf=${encodeURIComponent(ctx.csrf)}`} enctype="multipart/form-data" class="form">
        <div class={error ? 'field field-error' : 'field'}>
          <label for="file">上传附件</label>
          <p class="hint" id="file-hint">可上传 PDF、Word、Excel、图片等文件，单个文件不超过 {props.maxUploadMb} MB，可多选</p>
          {error && <p class="error-message" id="file-error">{error}</p>}
          <input type="file" id="file" name="file" multiple aria-describedby={error ? 'file-hint file-error' : 'file-hint'} />
        </div>
        <button type="submit" class="button button-secondary">上传</button>
      </form>
    </section>
  );
}
