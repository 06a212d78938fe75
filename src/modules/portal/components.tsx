// Small building blocks shared by the portal pages. Everything is escaped by the renderer; the
// only raw HTML the portal inserts is the catalog's sanitised body and the search module's
// escaped snippets (see item.pages.tsx and search.pages.tsx).
import type { ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { ColumnNode, ItemSummary } from '../catalog/index.ts';
import type { PortalContext } from './portal.service.ts';
import { canonicalPath, PortalViewContext, prefsHref } from './view.ts';
import { ClarificationTag } from './clarification-tag.tsx';

type QueryValue = string | number | undefined | null;

/** A portal link that carries the selected agency (`?agency=`) when it is not the default one. */
export function portalHref(ctx: PortalContext | null, path: string, params: Record<string, QueryValue> = {}): string {
  const query = new URLSearchParams();
  if (ctx?.agencyParam) query.set('agency', ctx.agencyParam);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

export const itemHref = (id: string) => `/items/${encodeURIComponent(id)}`;
export const columnHref = (id: string) => `/columns/${encodeURIComponent(id)}`;
export const attachmentHref = (id: string) => `/attachments/${encodeURIComponent(id)}`;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The file type people recognise (PDF, DOCX…), from the extension, else the media type. */
export function fileTypeLabel(filename: string, mediaType: string): string {
  const ext = /\.([a-z0-9]{1,8})$/i.exec(filename)?.[1];
  if (ext) return ext.toUpperCase();
  return mediaType.split('/').pop()?.toUpperCase() ?? '文件';
}

export interface Crumb {
  label: string;
  href?: string;
}

/** 当前位置：首页 > … ; the last crumb is the current page. */
export function Breadcrumb({ crumbs }: { crumbs: Crumb[] }) {
  return (
    <nav class="breadcrumb" aria-label="当前位置">
      <span class="breadcrumb-label" aria-hidden="true">当前位置：</span>
      <ol>
        {crumbs.map((c, i) =>
          i === crumbs.length - 1 || !c.href ? (
            <li aria-current={i === crumbs.length - 1 ? 'page' : undefined}>{c.label}</li>
          ) : (
            <li>
              <a href={c.href}>{c.label}</a>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

/** Page numbers around the current one, with the first and last always reachable. */
export function pageWindow(page: number, pages: number): (number | 'gap')[] {
  const shown = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pages));
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] > 1) out.push('gap');
    out.push(p);
  });
  return out;
}

export function Pagination({ page, pageSize, total, href }: { page: number; pageSize: number; total: number; href: (page: number) => string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav class="pagination" aria-label="分页">
      <p class="pagination-summary">
        共 {total} 条，第 {Math.min(page, pages)} / {pages} 页
      </p>
      {pages > 1 && (
        <ul>
          {page > 1 && (
            <li>
              <a href={href(page - 1)} rel="prev">
                上一页
              </a>
            </li>
          )}
          {pageWindow(page, pages).map((p) =>
            p === 'gap' ? (
              <li class="pagination-gap" aria-hidden="true">
                …
              </li>
            ) : p === page ? (
              <li>
                <a href={href(p)} aria-current="page" aria-label={`第 ${p} 页，当前页`}>
                  {p}
                </a>
              </li>
            ) : (
              <li>
                <a href={href(p)} aria-label={`第 ${p} 页`}>
                  {p}
                </a>
              </li>
            ),
          )}
          {page < pages && (
            <li>
              <a href={href(page + 1)} rel="next">
                下一页
              </a>
            </li>
          )}
        </ul>
      )}
    </nav>
  );
}

function ColumnBranch({ nodes, currentId }: { nodes: ColumnNode[]; currentId?: string }) {
  return (
    <ul>
      {nodes.map((node) => (
        <li>
          <a href={columnHref(node.id)} aria-current={node.id === currentId ? 'page' : undefined}>
            {node.name}
          </a>
          {node.children.length > 0 && <ColumnBranch nodes={node.children} currentId={currentId} />}
        </li>
      ))}
    </ul>
  );
}

/** The category tree (信息公开目录) shown beside column lists. */
export function ColumnTree({ columns, currentId, heading = '信息公开目录' }: { columns: ColumnNode[]; currentId?: string; heading?: string }) {
  return (
    <nav class="column-tree" aria-labelledby="column-tree-heading">
      <h2 id="column-tree-heading">{heading}</h2>
      {columns.length ? <ColumnBranch nodes={columns} currentId={currentId} /> : <p>目录尚未设置栏目。</p>}
    </nav>
  );
}

/** The catalog list: 索引号 · 标题 · 发布日期 (UX.md, catalog page). */
export function ItemTable({ items, caption }: { items: ItemSummary[]; caption: string }) {
  return (
    <div class="table-scroll">
      <table class="item-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" class="col-index">
              索引号
            </th>
            <th scope="col">标题</th>
            <th scope="col" class="col-date">
              发布日期
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr>
              <td class="col-index" data-label="索引号">
                {item.indexNumber ?? ''}
              </td>
              <td class="col-title">
                <a href={itemHref(item.id)}>{item.title}</a>
                <ClarificationTag item={item} />
                {item.validity !== 'inForce' && item.validity !== 'amended' && <span class="tag tag-muted"> {item.validity === 'repealed' ? '已废止' : '已失效'}</span>}
              </td>
              <td class="col-date" data-label="发布日期">
                {item.publishedOn ?? ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SearchBox({ ctx, q = '', id = 'site-search', label = '站内搜索' }: { ctx: PortalContext | null; q?: string; id?: string; label?: string }) {
  return (
    <form class="search-box" role="search" action="/search" method="get">
      <label htmlFor={id} class="visually-hidden">
        {label}
      </label>
      {ctx?.agencyParam && <input type="hidden" name="agency" value={ctx.agencyParam} />}
      <EmbedField />
      <input type="search" id={id} name="q" value={q} maxLength={100} placeholder="请输入关键词" />
      <button type="submit">搜索</button>
    </form>
  );
}

export function Notice({ kind, title, children }: { kind: 'warning' | 'info'; title: string; children?: ComponentChildren }) {
  return (
    <div class={`notice notice-${kind}`}>
      <p class="notice-title">
        <strong>{title}</strong>
      </p>
      {children}
    </div>
  );
}

/** Keeps a chromeless (embedded) visitor chromeless across a GET form. */
export function EmbedField() {
  const { embed } = useContext(PortalViewContext);
  return embed ? <input type="hidden" name="embed" value="1" /> : null;
}

/** 【字体：大 中 小】 as links to /prefs: works without JavaScript and persists. */
export function FontSizeLinks() {
  const { prefs, path } = useContext(PortalViewContext);
  const back = canonicalPath(path);
  const sizes = [
    ['l', '大', '大号字体'],
    ['m', '中', '中号字体'],
    ['s', '小', '小号字体'],
  ] as const;
  return (
    <span class="font-size-links">
      【字体：
      {sizes.map(([size, label, name]) => (
        <a href={prefsHref({ size }, back)} rel="nofollow" aria-label={name} aria-current={prefs.size === size ? 'true' : undefined}>
          {label}
        </a>
      ))}
      】
    </span>
  );
}

/** A QR code of one of the site's own pages, so that a printed page leads back (issue 7 part 5). */
export function QrCode({ path, label }: { path: string; label: string }) {
  return (
    <figure class="qr-code">
      <img src={`/qr.svg?u=${encodeURIComponent(path)}`} alt={`本页二维码：${label}`} width={120} height={120} loading="lazy" />
      <figcaption>{label}</figcaption>
    </figure>
  );
}
