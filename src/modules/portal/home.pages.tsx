// 首页: the latest published items, the entries that must always be one click away (指南, 目录,
// 年报, 依申请公开), the first-level catalog columns and the agencies below this one.
import type { ItemSummary } from '../catalog/index.ts';
import { columnHref, itemHref, portalHref, SearchBox } from './components.tsx';
import { Layout } from './layout.tsx';
import type { Agency, PortalContext } from './portal.service.ts';
import { ClarificationTag } from './clarification-tag.tsx';

function Entries({ ctx }: { ctx: PortalContext }) {
  const entries = [
    { label: '政府信息公开指南', hint: '如何获取本机关的政府信息', href: portalHref(ctx, '/guide') },
    { label: '政府信息公开目录', hint: '按栏目查阅主动公开的信息', href: portalHref(ctx, '/catalog') },
  ];
  if (ctx.reportsColumn) entries.push({ label: '政府信息公开年度报告', hint: '历年工作年度报告', href: columnHref(ctx.reportsColumn.id) });
  if (ctx.applyColumn) entries.push({ label: '依申请公开', hint: '申请方式、受理机构和办理时限', href: columnHref(ctx.applyColumn.id) });
  return (
    <ul class="entry-grid">
      {entries.map((e) => (
        <li>
          <a class="entry" href={e.href}>
            <span class="entry-label">{e.label}</span>
            <span class="entry-hint">{e.hint}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

function Latest({ items, ctx }: { items: ItemSummary[]; ctx: PortalContext }) {
  if (!items.length) return <p class="empty">暂无已发布的政府信息。</p>;
  return (
    <>
      <ul class="latest-list">
        {items.map((item) => (
          <li>
            <a href={itemHref(item.id)}>{item.title}</a>
            <ClarificationTag item={item} />
            <span class="latest-date">{item.publishedOn ?? ''}</span>
          </li>
        ))}
      </ul>
      <p class="more-link">
        <a href={portalHref(ctx, '/catalog')}>查看信息公开目录</a>
      </p>
    </>
  );
}

export function HomePage({ ctx, latest, subordinates }: { ctx: PortalContext; latest: ItemSummary[]; subordinates: Agency[] }) {
  return (
    <Layout ctx={ctx} title="首页" crumbs={[]} nav="home">
      <h1 class="page-title">{ctx.agency.name}政府信息公开</h1>
      <section class="home-search" aria-labelledby="home-search-heading">
        <h2 id="home-search-heading">搜索政府信息</h2>
        <SearchBox ctx={ctx} id="home-search" label="搜索政府信息的关键词" />
      </section>
      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading" class="visually-hidden">
          常用入口
        </h2>
        <Entries ctx={ctx} />
      </section>
      <div class="home-columns">
        <section class="home-latest" aria-labelledby="latest-heading">
          <h2 id="latest-heading">最新公开</h2>
          <Latest items={latest} ctx={ctx} />
        </section>
        <section class="home-catalog" aria-labelledby="home-catalog-heading">
          <h2 id="home-catalog-heading">信息公开栏目</h2>
          {ctx.columns.length ? (
            <ul class="column-links">
              {ctx.columns.map((c) => (
                <li>
                  <a href={columnHref(c.id)}>{c.name}</a>
                </li>
              ))}
            </ul>
          ) : (
            <p class="empty">目录尚未设置栏目。</p>
          )}
        </section>
      </div>
      {subordinates.length > 0 && (
        <section aria-labelledby="subordinates-heading">
          <h2 id="subordinates-heading">下级机关信息公开</h2>
          <ul class="column-links">
            {subordinates.map((a) => (
              <li>
                <a href={`/?agency=${encodeURIComponent(a.code)}`}>{a.name}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
