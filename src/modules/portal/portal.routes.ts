// Public portal routes: thin handlers that parse the query, call the portal service and render.
// Every page works without JavaScript. Public pages may be cached for a minute; the security
// hook replaces that with no-store for signed-in staff (it runs later, on send).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { DatabaseHandle } from '../../core/db/database.ts';
import { notFound } from '../../core/errors.ts';
import { contentDisposition } from '../../core/http/download.ts';
import { registerPageCache } from '../../core/http/page-cache.ts';
import { sendPage } from '../../core/http/render.ts';
import { today } from '../../core/time/clock.ts';
import { CatalogPage, ColumnPage } from './catalog.pages.tsx';
import { GuidePage } from './guide.pages.tsx';
import { ReportsPage } from './reports.pages.tsx';
import type { AnnualReportsService } from '../reports/index.ts';
import type { OfficeRecordsService } from '../office-records/index.ts';
import { HomePage } from './home.pages.tsx';
import { ItemPage, ItemPrintPage } from './item.pages.tsx';
import { agencyQuery, idParams, pageQuery, searchQuery } from './portal.schemas.ts';
import { readPortalVersion } from './portal-version.repository.ts';
import { createPortalService, type PortalContext, type PortalDeps, type PortalService } from './portal.service.ts';
import { SearchPage } from './search.pages.tsx';
import { registerApplyRoutes, type RequestPagesDeps } from './apply.routes.ts';
import { registerTrackRoutes } from './track.routes.ts';
import { registerInteractRoutes, type InteractDeps } from './interact.routes.ts';
import { registerFeedRoutes } from './feeds.routes.ts';
import { prefsKey } from './view.ts';
import { registerPortalView } from './view.routes.tsx';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Marks portal pages: the portal hook resolves the agency context for them. */
    portal?: boolean;
  }
}

export const PUBLIC_CACHE_CONTROL = 'public, max-age=60';

/** RFC 6266 / RFC 5987: an ASCII fallback plus the exact UTF-8 name. */

const contextErrors = new WeakMap<FastifyRequest, unknown>();

/** Resolve the agency context for portal pages and for unmatched URLs (so 404s show the site frame). */
function registerContextHook(app: FastifyInstance, portal: PortalService): void {
  app.decorateRequest('portal', null);
  app.addHook('onRequest', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const unmatched = !request.routeOptions.url && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/');
    if (!request.routeOptions.config?.portal && !unmatched) return;
    const { agency } = agencyQuery.parse(request.query ?? {});
    try {
      request.portal = await portal.context(agency);
    } catch (err) {
      contextErrors.set(request, err);
      request.portal = await portal.context(undefined).catch(() => null);
    }
  });
}

function parseId(request: FastifyRequest): string {
  const parsed = idParams.safeParse(request.params);
  if (!parsed.success) throw notFound();
  return parsed.data.id;
}

function requireContext(request: FastifyRequest): PortalContext {
  const err = contextErrors.get(request);
  if (err) throw err;
  if (!request.portal) throw notFound();
  return request.portal;
}

export function registerPortalRoutes(app: FastifyInstance, services: PortalDeps & RequestPagesDeps & Pick<InteractDeps, 'participation'> & { database: DatabaseHandle; annualReports: Pick<AnnualReportsService, 'publishedReports'>; officeRecords: Pick<OfficeRecordsService, 'clarifications'> }): void {
  const portal = createPortalService(services);
  registerPortalView(app, services.config);
  // Before the context hook, so that a cached page costs one version read and nothing else. The
  // date is part of the stamp: pages show date-dependent things (the search form's years).
  registerPageCache(app, {
    version: async () => `${await readPortalVersion(services.database.db)}:${today(services.clock)}`,
    maxEntries: services.config.pageCacheEntries,
    cacheControl: PUBLIC_CACHE_CONTROL,
    variant: prefsKey,
    // The preferences cookie changes the page: a browser must not show its cached 简体 copy
    // after the visitor switched to 繁體.
    vary: 'cookie',
  });
  registerContextHook(app, portal);

  // The cacheable public pages (home, catalog, column, item, print, guide, search) and only them:
  // pages with forms that post (apply, track) are registered apart and are never cached.
  const page = (url: string, build: (request: FastifyRequest, ctx: PortalContext) => Promise<VNode>) =>
    app.get(url, { config: { portal: true, pageCache: true } }, async (request: FastifyRequest, reply: FastifyReply) => {
      const vnode = await build(request, requireContext(request));
      reply.header('cache-control', PUBLIC_CACHE_CONTROL);
      return sendPage(reply, vnode);
    });

  /** Item and column pages show their own agency, whatever `?agency=` says. */
  const switchAgency = async (request: FastifyRequest, ctx: PortalContext, agencyId: string) => {
    request.portal = await portal.contextOf(agencyId, ctx);
    return request.portal;
  };

  page('/', async (_request, ctx) => {
    const { latest, subordinates } = await portal.home(ctx);
    return HomePage({ ctx, latest, subordinates });
  });

  page('/catalog', async (_request, ctx) => CatalogPage({ ctx }));

  page('/columns/:id', async (request, ctx) => {
    const id = parseId(request);
    const found = await portal.column(id, pageQuery.parse(request.query ?? {}).page, ctx);
    if (!found) throw notFound('该栏目不存在');
    return ColumnPage({ ctx: await switchAgency(request, ctx, found.column.agencyId), column: found.column, list: found.list });
  });

  const itemPage = (print: boolean) => async (request: FastifyRequest, ctx: PortalContext) => {
    const id = parseId(request);
    const item = await portal.item(id);
    if (!item) throw notFound('该信息不存在或尚未公开');
    const own = await switchAgency(request, ctx, item.agencyId);
    // 澄清: what it corrects. Every write of a clarification also updates its items row, whose
    // trigger bumps the portal version stamp, so the cached page never shows stale facts.
    const clarification = item.isClarification ? await services.officeRecords.clarifications.forPublic(item.id) : null;
    return print ? ItemPrintPage({ ctx: own, item, clarification }) : ItemPage({ ctx: own, item, clarification });
  };
  page('/items/:id', itemPage(false));
  page('/items/:id/print', itemPage(true));

  page('/guide', async (_request, ctx) => GuidePage({ ctx, data: await portal.guide(ctx) }));
  page('/reports', async (_request, ctx) => ReportsPage({ ctx, reports: await services.annualReports.publishedReports(ctx.agency.id) }));

  page('/search', async (request, ctx) => {
    const filters = searchQuery.parse(request.query ?? {});
    const result = await portal.search(ctx, filters);
    return SearchPage({ ctx, filters, years: portal.searchYears(), result });
  });

  app.get('/attachments/:id', async (request, reply) => {
    const id = parseId(request);
    const found = await portal.attachment(id);
    if (!found) throw notFound('该附件不存在或尚未公开');
    return reply
      .header('content-type', found.info.mediaType || 'application/octet-stream')
      .header('content-disposition', contentDisposition(found.info.filename))
      .header('cache-control', PUBLIC_CACHE_CONTROL)
      .send(found.bytes);
  });

  // 依申请公开: the application form, its receipt and the progress lookup.
  registerApplyRoutes(app, services, portal);
  registerTrackRoutes(app, services, portal);
  // 互动交流: 在线咨询, 局长信箱, the lookup and the public Q&A (issue 7 part 6).
  registerInteractRoutes(app, services, portal);
  // Feeds, sitemap, robots.txt and QR codes (issue 7 parts 4 and 5).
  registerFeedRoutes(app, services, portal);
}
