// 信息公开目录: the catalog tree (条例 第十二条), and one column's published items with the tree
// on the left and 索引号 · 标题 · 发布日期 on the right (UX.md).
import type { ColumnNode, ItemSummary, Page } from '../catalog/index.ts';
import { columnHref, ColumnTree, ItemTable, Pagination, portalHref } from './components.tsx';
import { Layout, type NavKey } from './layout.tsx';
import { columnPath, type PortalContext } from './portal.service.ts';

function CatalogBranch({ nodes }: { nodes: ColumnNode[] }) {
  return (
    <ul>
      {nodes.map((node) => (
        <li>
          <a href={columnHref(node.id)}>{node.name}</a>
          {node.description && <span class="column-description">{node.description}</span>}
          {node.children.length > 0 && <CatalogBranch nodes={node.children} />}
        </li>
      ))}
    </ul>
  );
}

export function CatalogPage({ ctx }: { ctx: PortalContext }) {
  return (
    <Layout ctx={ctx} title="信息公开目录" crumbs={[{ label: '信息公开目录' }]} nav="catalog">
      <h1 class="page-title">政府信息公开目录</h1>
      <p class="lead">
        本目录按栏目编排{ctx.agency.name}主动公开的政府信息。每条信息列明索引号、标题、发文字号、成文日期和发布日期等要素，
        也可以<a href={portalHref(ctx, '/search')}>按关键词检索</a>。
      </p>
      {ctx.columns.length ? (
        <nav class="catalog-tree" aria-label="目录栏目">
          <CatalogBranch nodes={ctx.columns} />
        </nav>
      ) : (
        <p class="empty">目录尚未设置栏目。</p>
      )}
    </Layout>
  );
}

/** Which main-navigation entry a column belongs to (依申请公开 and 年度报告 are columns). */
function navKeyFor(ctx: PortalContext, path: ColumnNode[]): NavKey {
  const ids = path.map((c) => c.id);
  if (ctx.applyColumn && ids.includes(ctx.applyColumn.id)) return 'apply';
  if (ctx.reportsColumn && ids.includes(ctx.reportsColumn.id)) return 'reports';
  return 'catalog';
}

export function ColumnPage({ ctx, column, list }: { ctx: PortalContext; column: ColumnNode; list: Page<ItemSummary> }) {
  const path = columnPath(ctx.columns, column.id);
  const ancestors = path.slice(0, -1);
  const pageTitle = list.page > 1 ? `${column.name}（第 ${list.page} 页）` : column.name;
  return (
    <Layout
      ctx={ctx}
      title={pageTitle}
      crumbs={[
        { label: '信息公开目录', href: portalHref(ctx, '/catalog') },
        ...ancestors.map((c) => ({ label: c.name, href: columnHref(c.id) })),
        { label: column.name },
      ]}
      nav={navKeyFor(ctx, path)}
      head={{ description: column.description || undefined, feeds: { rss: `${columnHref(column.id)}/rss.xml`, atom: `${columnHref(column.id)}/atom.xml`, title: column.name } }}
    >
      <div class="with-sidebar">
        <aside class="sidebar">
          <ColumnTree columns={ctx.columns} currentId={column.id} />
        </aside>
        <div class="content">
          <h1 class="page-title">{column.name}</h1>
          {column.description && <p class="lead">{column.description}</p>}
          {list.items.length ? (
            <ItemTable items={list.items} caption={`${column.name}：信息列表`} />
          ) : (
            <p class="empty">{list.page > 1 ? '本页没有信息，请返回第一页。' : '本栏目暂无公开信息。'}</p>
          )}
          <p class="feed-links">
            订阅本栏目：<a href={`${columnHref(column.id)}/rss.xml`}>RSS</a> · <a href={`${columnHref(column.id)}/atom.xml`}>Atom</a>
          </p>
          <Pagination page={list.page} pageSize={list.pageSize} total={list.total} href={(p) => (p > 1 ? `${columnHref(column.id)}?page=${p}` : columnHref(column.id))} />
        </div>
      </div>
    </Layout>
  );
}
