// Feed and discovery documents, built as text with every value escaped (issue 7 parts 4 and 5):
// RSS 2.0 and Atom per column, the sitemap (an index when the site passes 50,000 URLs, the
// protocol's limit per file), robots.txt, and the JS feed another site includes with <script>.
import type { ItemSummary } from '../catalog/index.ts';

export const SITEMAP_MAX_URLS = 50_000;

export function escapeXml(text: string): string {
  // Characters XML 1.0 forbids are dropped; the five specials are escaped.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[<>&'"]/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`);
}

/** A legal date (Asia/Shanghai) as the instant of its midnight there. */
function dateInstant(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

export interface FeedInfo {
  title: string;
  description: string;
  /** The column page's absolute URL. */
  link: string;
  /** This feed's own absolute URL. */
  self: string;
  /** Absolute URL of an item page. */
  itemUrl: (id: string) => string;
  /** When nothing is listed: the time the feed was produced. */
  now: string;
}

const itemInstant = (item: ItemSummary) => (item.publishedOn ? dateInstant(item.publishedOn) : new Date(item.updatedAt));

export function rssXml(feed: FeedInfo, items: ItemSummary[]): string {
  const entries = items.map((item) =>
    [
      '<item>',
      `<title>${escapeXml(item.title)}</title>`,
      `<link>${escapeXml(feed.itemUrl(item.id))}</link>`,
      `<guid isPermaLink="true">${escapeXml(feed.itemUrl(item.id))}</guid>`,
      `<pubDate>${itemInstant(item).toUTCString()}</pubDate>`,
      `<description>${escapeXml([item.docNumber, item.departmentName].filter(Boolean).join(' · '))}</description>`,
      '</item>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>',
    `<title>${escapeXml(feed.title)}</title>`,
    `<link>${escapeXml(feed.link)}</link>`,
    `<description>${escapeXml(feed.description || feed.title)}</description>`,
    '<language>zh-CN</language>',
    `<atom:link href="${escapeXml(feed.self)}" rel="self" type="application/rss+xml"/>`,
    ...entries,
    '</channel></rss>',
  ].join('\n');
}

export function atomXml(feed: FeedInfo, items: ItemSummary[]): string {
  const updated = items.length ? new Date(Math.max(...items.map((i) => new Date(i.updatedAt).getTime()))).toISOString() : feed.now;
  const entries = items.map((item) =>
    [
      '<entry>',
      `<title>${escapeXml(item.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${escapeXml(feed.itemUrl(item.id))}"/>`,
      `<id>${escapeXml(feed.itemUrl(item.id))}</id>`,
      `<published>${itemInstant(item).toISOString()}</published>`,
      `<updated>${new Date(item.updatedAt).toISOString()}</updated>`,
      `<summary>${escapeXml([item.docNumber, item.departmentName].filter(Boolean).join(' · ') || item.title)}</summary>`,
      '</entry>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `<title>${escapeXml(feed.title)}</title>`,
    `<subtitle>${escapeXml(feed.description || feed.title)}</subtitle>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(feed.link)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    `<id>${escapeXml(feed.link)}</id>`,
    `<updated>${updated}</updated>`,
    `<author><name>${escapeXml(feed.title)}</name></author>`,
    ...entries,
    '</feed>',
  ].join('\n');
}

export function urlsetXml(urls: { loc: string; lastmod?: string | null }[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((u) => `<url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${escapeXml(u.lastmod)}</lastmod>` : ''}</url>`),
    '</urlset>',
  ].join('\n');
}

export function sitemapIndexXml(locs: string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...locs.map((loc) => `<sitemap><loc>${escapeXml(loc)}</loc></sitemap>`),
    '</sitemapindex>',
  ].join('\n');
}

/** How many item sitemap files a site needs (the pages and columns go in a file of their own). */
export const itemSitemapCount = (items: number, perFile = SITEMAP_MAX_URLS) => Math.ceil(items / perFile);

export function robotsTxt(basePath: string, sitemapUrl: string): string {
  return [
    'User-agent: *',
    `Disallow: ${basePath}/console/`,
    `Disallow: ${basePath}/api/`,
    `Disallow: ${basePath}/prefs`,
    `Disallow: ${basePath}/track`,
    `Disallow: ${basePath}/qr.svg`,
    '',
    `Sitemap: ${sitemapUrl}`,
    '',
  ].join('\n');
}

export interface JsFeedItem {
  title: string;
  url: string;
  date: string | null;
}

/**
 * The script a county portal includes with <script src=".../feeds/columns/ID.js?target=el">: it
 * builds the list with DOM calls (no document.write, no innerHTML), so titles stay text.
 */
export function jsFeed(target: string, items: JsFeedItem[]): string {
  return `(function () {
  var items = ${JSON.stringify(items).replace(/</g, '\\u003c')};
  var target = document.getElementById(${JSON.stringify(target)});
  if (!target) return;
  var list = document.createElement('ul');
  list.className = 'gongkai-feed';
  items.forEach(function (item) {
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.href = item.url;
    a.textContent = item.title;
    li.appendChild(a);
    if (item.date) {
      var time = document.createElement('time');
      time.dateTime = item.date;
      time.textContent = item.date;
      li.appendChild(document.createTextNode(' '));
      li.appendChild(time);
    }
    list.appendChild(li);
  });
  target.appendChild(list);
})();
`;
}
