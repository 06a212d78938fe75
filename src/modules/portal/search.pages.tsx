// 站内搜索 (条例 第二十四条: the portal offers search): a filter form that works without
// JavaScript, highlighted results and paging.
import { VALIDITIES, VALIDITY_LABELS } from '../catalog/index.ts';
import type { SearchHit, SearchResult } from '../search/index.ts';
import { EmbedField, itemHref, Pagination, portalHref } from './components.tsx';
import { ClarificationTag } from './clarification-tag.tsx';
import { Layout } from './layout.tsx';
import { flattenColumns, type PortalContext, type SearchFilters } from './portal.service.ts';

function FilterForm({ ctx, filters, years }: { ctx: PortalContext; filters: SearchFilters; years: number[] }) {
  const columns = flattenColumns(ctx.columns);
  return (
    <form class="search-form" role="search" aria-label="检索政府信息" action="/search" method="get">
      {ctx.agencyParam && <input type="hidden" name="agency" value={ctx.agencyParam} />}
      <EmbedField />
      <div class="field field-wide">
        <label htmlFor="search-q">关键词</label>
        <input type="search" id="search-q" name="q" value={filters.q} maxLength={100} aria-describedby="search-q-hint" />
        <p class="hint" id="search-q-hint">
          可输入标题、文号或正文中的词语，例如“征地补偿”。
        </p>
      </div>
      <div class="field">
        <label htmlFor="search-column">栏目</label>
        <select id="search-column" name="column">
          <option value="">全部栏目</option>
          {columns.map(({ column, depth }) => (
            <option value={column.id} selected={column.id === filters.column}>
              {`${'　'.repeat(depth)}${column.name}`}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label htmlFor="search-year">发布年份</label>
        <select id="search-year" name="year">
          <option value="">全部年份</option>
          {years.map((y) => (
            <option value={String(y)} selected={y === filters.year}>
              {y} 年
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label htmlFor="search-validity">有效性</label>
        <select id="search-validity" name="validity">
          <option value="">全部</option>
          {VALIDITIES.map((v) => (
            <option value={v} selected={v === filters.validity}>
              {VALIDITY_LABELS[v]}
            </option>
          ))}
        </select>
      </div>
      <div class="field field-actions">
        <button type="submit">搜索</button>
      </div>
    </form>
  );
}

function Hit({ hit, columnName }: { hit: SearchHit; columnName: string | undefined }) {
  return (
    <li class="search-hit">
      <h3 class="search-hit-title">
        {/* titleHtml and snippetHtml are escaped by the search module, with <mark> around matches. */}
        <a href={itemHref(hit.itemId)} dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
        <ClarificationTag item={hit} />
      </h3>
      {hit.snippetHtml && <p class="search-hit-snippet" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />}
      <p class="search-hit-meta">
        {hit.docNumber && <span>{hit.docNumber}</span>}
        {columnName && <span>{columnName}</span>}
        <span>发布日期：{hit.publishedOn}</span>
      </p>
    </li>
  );
}

function Results({ ctx, filters, result }: { ctx: PortalContext; filters: SearchFilters; result: SearchResult }) {
  if (!result.hits.length)
    return (
      <div class="empty-state">
        <p>
          <strong>没有找到与“{filters.q}”相关的信息。</strong>
        </p>
        <ul>
          <li>检查关键词是否有错别字，或换用更短、更常用的词语；</li>
          <li>减少筛选条件（栏目、年份、有效性）后重新搜索；</li>
          <li>
            到<a href={portalHref(ctx, '/catalog')}>信息公开目录</a>按栏目查找；仍未找到的，可以依申请公开，见
            <a href={portalHref(ctx, '/guide')}>政府信息公开指南</a>。
          </li>
        </ul>
      </div>
    );
  const names = new Map(flattenColumns(ctx.columns).map(({ column }) => [column.id, column.name]));
  const pageHref = (page: number) =>
    portalHref(ctx, '/search', { q: filters.q, column: filters.column, year: filters.year, validity: filters.validity, page: page > 1 ? page : undefined });
  return (
    <>
      <p class="search-total" role="status">
        找到 {result.total} 条相关信息
      </p>
      <ol class="search-results">
        {result.hits.map((hit) => (
          <Hit hit={hit} columnName={names.get(hit.columnId)} />
        ))}
      </ol>
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} href={pageHref} />
    </>
  );
}

export function SearchPage({ ctx, filters, years, result }: { ctx: PortalContext; filters: SearchFilters; years: number[]; result: SearchResult | null }) {
  const title = filters.q ? `搜索：${filters.q}` : '站内搜索';
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: '站内搜索' }]} nav="search">
      <h1 class="page-title">站内搜索</h1>
      <FilterForm ctx={ctx} filters={filters} years={years} />
      <section aria-labelledby="results-heading" class="search-section">
        <h2 id="results-heading">搜索结果</h2>
        {result ? <Results ctx={ctx} filters={filters} result={result} /> : <p class="empty">请输入关键词，然后选择“搜索”。</p>}
      </section>
    </Layout>
  );
}
