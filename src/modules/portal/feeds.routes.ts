// Feeds and discovery routes (issue 7 parts 4 and 5): RSS/Atom per column, the JSON and JS feeds
// a county portal includes (JSON with CORS: public data), sitemap.xml (an index past 50,000 URLs),
// robots.txt and QR codes for the site's own pages. Absolute URLs use PUBLIC_URL when it is set.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { Config } from '../../config.ts';
import type { DatabaseHandle } from '../../core/db/database.ts';
import { notFound } from '../../core/errors.ts';
import { columnHref, itemHref } from './components.tsx';
import { atomXml, itemSitemapCount, jsFeed, robotsTxt, rssXml, SITEMAP_MAX_URLS, sitemapIndexXml, urlsetXml, type FeedInfo } from './feeds.ts';
import type { PortalDeps, PortalService } from './portal.service.ts';
import { allColumns, countPublicItems, publicItemsPage } from './sitemap.repository.ts';
import { safeBackPath } from './view.ts';
import { publicBase } from './view.routes.tsx';

export const FEED_CACHE_CONTROL = 'public, max-age=300';
export const FEED_SIZE = 20;
const TARGET_ID = /^[A-Za-z][\w-]{0,63}$/;

export interface FeedDeps extends PortalDeps {
  database: DatabaseHandle;
  config: Config;
}

function send(reply: FastifyReply, type: string, body: string | Buffer) {
  return reply.header('content-type', type).header('cache-control', FEED_CACHE_CONTROL).send(body);
}

export function registerFeedRoutes(app: FastifyInstance, deps: FeedDeps, portal: PortalService, opts: { sitemapPerFile?: number } = {}): void {
  const { catalog, config, database, clock } = deps;
  const perFile = opts.sitemapPerFile ?? SITEMAP_MAX_URLS;
  const abs = (request: FastifyRequest, path: string) => `${publicBase(config, request)}${path}`;

  async function columnFeed(request: FastifyRequest, id: string, self: string) {
    const column = await catalog.column(id);
    if (!column) throw notFound('该栏目不存在');
    const found = await portal.column(id, 1);
    const items = (found?.list.items ?? []).slice(0, FEED_SIZE);
    const info: FeedInfo = {
      title: column.name,
      description: column.description,
      link: abs(request, columnHref(column.id)),
      self: abs(request, self),
      itemUrl: (itemId) => abs(request, itemHref(itemId)),
      now: clock.now().toISOString(),
    };
    return { info, items };
  }

  const idOf = (request: FastifyRequest) => {
    const id = (request.params as { id?: string }).id ?? '';
    if (!id || id.length > 64) throw notFound();
    return id;
  };

  app.get('/columns/:id/rss.xml', async (request, reply) => {
    const id = idOf(request);
    const { info, items } = await columnFeed(request, id, `${columnHref(id)}/rss.xml`);
    return send(reply, 'application/rss+xml; charset=utf-8', rssXml(info, items));
  });

  app.get('/columns/:id/atom.xml', async (request, reply) => {
    const id = idOf(request);
    const { info, items } = await columnFeed(request, id, `${columnHref(id)}/atom.xml`);
    return send(reply, 'application/atom+xml; charset=utf-8', atomXml(info, items));
  });

  // `/feeds/columns/ID.json` and `/feeds/columns/ID.js?target=ELEMENT_ID`.
  app.get('/feeds/columns/:file', async (request, reply) => {
    const file = (request.params as { file: string }).file;
    const m = /^(.{1,64})\.(json|js)$/.exec(file);
    if (!m) throw notFound();
    const [, id, ext] = m;
    const { info, items } = await columnFeed(request, id, `/feeds/columns/${file}`);
    const list = items.map((i) => ({ id: i.id, title: i.title, url: info.itemUrl(i.id), date: i.publishedOn, docNumber: i.docNumber, indexNumber: i.indexNumber }));
    if (ext === 'json') {
      reply.header('access-control-allow-origin', '*');
      return send(reply, 'application/json; charset=utf-8', JSON.stringify({ column: { id, title: info.title, url: info.link }, items: list }));
    }
    const target = String((request.query as Record<string, unknown>).target ?? 'gongkai-feed');
    if (!TARGET_ID.test(target)) throw notFound('target 参数须为页面元素的 id');
    return send(reply, 'application/javascript; charset=utf-8', jsFeed(target, list.map(({ title, url, date }) => ({ title, url, date }))));
  });

  const pagesAndColumns = async (request: FastifyRequest) => [
    ...['/', '/catalog', '/guide'].map((p) => ({ loc: abs(request, p) })),
    ...(await allColumns(database.db)).map((c) => ({ loc: abs(request, columnHref(c.id)) })),
  ];

  app.get('/sitemap.xml', async (request, reply) => {
    const total = await countPublicItems(database.db);
    const base = await pagesAndColumns(request);
    if (total + base.length <= perFile) {
      const items = await publicItemsPage(database.db, 0, perFile);
      const urls = [...base, ...items.map((i) => ({ loc: abs(request, itemHref(i.id)), lastmod: i.lastmod }))];
      return send(reply, 'application/xml; charset=utf-8', urlsetXml(urls));
    }
    const files = ['/sitemaps/pages.xml', ...Array.from({ length: itemSitemapCount(total, perFile) }, (_, i) => `/sitemaps/items-${i + 1}.xml`)];
    return send(reply, 'application/xml; charset=utf-8', sitemapIndexXml(files.map((f) => abs(request, f))));
  });

  app.get('/sitemaps/:file', async (request, reply) => {
    const file = (request.params as { file: string }).file;
    if (file === 'pages.xml') return send(reply, 'application/xml; charset=utf-8', urlsetXml(await pagesAndColumns(request)));
    const n = Number(/^items-([1-9]\d{0,5})\.xml$/.exec(file)?.[1] ?? 0);
    if (!n) throw notFound();
    const items = await publicItemsPage(database.db, (n - 1) * perFile, perFile);
    if (!items.length) throw notFound();
    return send(reply, 'application/xml; charset=utf-8', urlsetXml(items.map((i) => ({ loc: abs(request, itemHref(i.id)), lastmod: i.lastmod }))));
  });

  app.get('/robots.txt', async (request, reply) =>
    send(reply, 'text/plain; charset=utf-8', robotsTxt(config.basePath, abs(request, '/sitemap.xml'))),
  );

  // Only the site's own pages: `u` must be a local path, so the route cannot mint codes for
  // arbitrary (phishing) addresses under the bureau's name.
  app.get('/qr.svg', async (request, reply) => {
    const u = (request.query as Record<string, unknown>).u;
    const path = safeBackPath(u);
    if (path !== u) throw notFound('只能为本站页面生成二维码');
    const svg = await QRCode.toString(abs(request, path), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return reply.header('content-type', 'image/svg+xml; charset=utf-8').header('cache-control', 'public, max-age=86400').send(svg);
  });
}
