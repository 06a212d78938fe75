// Server-side cache of rendered public pages, with strong ETags (issue 7 part 7). Each process
// keeps a bounded LRU of HTML keyed by method and URL (path and query); every entry carries the
// version stamp it was rendered under, and a hit is served only while `version()` still returns
// that stamp. The stamp lives in the database (bumped by triggers), so a publication through any
// process invalidates every process's pages with one indexed single-row read per request
// (DESIGN.md: nothing may assume one process).
//
// Only anonymous GETs of routes that opt in with `config: { pageCache: true }` are cached, only
// 200 HTML responses, and never a page that embeds the visitor's CSRF token: such HTML is
// personal. Signed-in staff neither get cached pages nor fill the cache.
//
// Pages that differ by visitor preference (elder mode, font size, 繁體: a cookie) are cached per
// `variant`. Each entry also keeps gzip and brotli bodies, compressed once when stored, so a hit
// costs no compression (issue 7 part 7).
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_COOKIE, CSRF_FIELD, SESSION_COOKIE } from './csrf.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Anonymous GETs of this route may be answered from the page cache (core/http/page-cache.ts). */
    pageCache?: boolean;
  }
}

export interface PageCacheOptions {
  /** Changes whenever anything the cached pages show changes; every process must read the same. */
  version: () => Promise<string>;
  /** Most pages kept; 0 turns the cache off (ETags and 304 still work). */
  maxEntries: number;
  /** Most bytes of HTML kept. */
  maxBytes?: number;
  /** Cache-Control of a page answered from the cache (the route sets its own on a miss). */
  cacheControl: string;
  /** What besides the URL changes the page (e.g. display preferences from a cookie). */
  variant?: (request: FastifyRequest) => string;
  /** Keep and serve gzip/brotli bodies (default true). */
  compress?: boolean;
  /** Request headers `variant` reads (e.g. 'cookie'): browsers must not reuse a page across them. */
  vary?: string;
}

export interface PageCacheStats {
  hits: number;
  misses: number;
  stores: number;
  entries: number;
  bytes: number;
}

export interface PageCache {
  stats(): PageCacheStats;
  clear(): void;
}

interface Entry {
  version: string;
  html: string;
  etag: string;
  bytes: number;
  gzip: Buffer | null;
  br: Buffer | null;
}

type Encoding = 'br' | 'gzip';

const COMPRESS_MIN_CHARS = 1024;

/** The best encoding the client accepts (q=0 refuses), brotli first. */
export function chooseEncoding(header: string | string[] | undefined): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

function compressHtml(html: string): { gzip: Buffer; br: Buffer } {
  const raw = Buffer.from(html, 'utf8');
  return {
    gzip: gzipSync(raw, { level: 6 }),
    br: brotliCompressSync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 6, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
  };
}

/** The tag of an encoded body: the identity tag with the encoding appended inside the quotes. */
const encodedEtag = (etag: string, encoding: Encoding) => `${etag.slice(0, -1)}-${encoding}"`;

export const DEFAULT_PAGE_CACHE_BYTES = 64 * 1024 * 1024;

/** A strong validator: the same bytes give the same tag in every process. */
export function strongEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** RFC 9110 §13.1.2: If-None-Match is `*` or a list of tags; weak comparison is allowed for GET. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const tags = [etag, encodedEtag(etag, 'gzip'), encodedEtag(etag, 'br')];
  return header.split(',').some((tag) => tags.includes(tag.trim().replace(/^W\//, '')));
}

function isAnonymous(request: FastifyRequest): boolean {
  // Any session cookie, even an expired one, keeps the request out of the cache: cheap and safe.
  return !request.user && !request.cookies?.[SESSION_COOKIE];
}

/** Cookies other than the anonymous CSRF cookie would make the page personal. */
function setsOtherCookies(reply: FastifyReply): boolean {
  const header = reply.getHeader('set-cookie');
  const list = Array.isArray(header) ? header : header === undefined ? [] : [String(header)];
  return list.some((c) => !String(c).startsWith(`${CSRF_COOKIE}=`));
}

function isPersonal(request: FastifyRequest, html: string): boolean {
  return html.includes(CSRF_FIELD) || (request.csrfToken !== '' && html.includes(request.csrfToken));
}

export function registerPageCache(app: FastifyInstance, opts: PageCacheOptions): PageCache {
  const maxBytes = opts.maxBytes ?? DEFAULT_PAGE_CACHE_BYTES;
  const vary = opts.vary ? `accept-encoding, ${opts.vary}` : 'accept-encoding';
  const entries = new Map<string, Entry>();
  const pending = new WeakMap<FastifyRequest, { key: string; version: string }>();
  let bytes = 0;
  let hits = 0;
  let misses = 0;
  let stores = 0;
  // Requests arriving while a version read is in flight share it (one round trip for a burst of
  // hits). A change committed during that read shows from the next read on: the same as if those
  // requests had arrived a moment earlier, far inside the minute public pages may be cached for.
  let inFlight: Promise<string> | null = null;
  const currentVersion = () => {
    inFlight ??= opts.version().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  };

  const store = (key: string, entry: Entry) => {
    if (entry.bytes > maxBytes / 4) return;
    remove(key);
    entries.set(key, entry);
    bytes += entry.bytes;
    stores++;
    // Map iteration follows insertion order: the first key is the least recently used.
    while (entries.size > opts.maxEntries || bytes > maxBytes) remove(entries.keys().next().value!);
  };

  // Registered before the routes' own onRequest hooks, so a hit skips them and the handler.
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || !request.routeOptions.config?.pageCache || !isAnonymous(request)) return;
    const key = `GET ${request.url} ${opts.variant?.(request) ?? ''}`;
    if (opts.maxEntries === 0) {
      pending.set(request, { key, version: '' });
      return;
    }
    // Read before rendering: a page rendered after a concurrent change is stored under the older
    // stamp, so the next request renders it again rather than keeping stale HTML.
    const version = await currentVersion();
    const entry = entries.get(key);
    if (entry && entry.version === version) {
      hits++;
      entries.delete(key);
      entries.set(key, entry);
      reply.header('cache-control', opts.cacheControl).header('x-page-cache', 'hit').header('vary', vary);
      const encoding = entry.gzip ? chooseEncoding(request.headers['accept-encoding']) : null;
      reply.header('etag', encoding ? encodedEtag(entry.etag, encoding) : entry.etag);
      if (etagMatches(request.headers['if-none-match'], entry.etag)) return reply.code(304).send();
      reply.code(200).type('text/html; charset=utf-8');
      if (!encoding) return reply.send(entry.html);
      return reply.header('content-encoding', encoding).send(encoding === 'br' ? entry.br : entry.gzip);
    }
    if (entry) remove(key);
    misses++;
    pending.set(request, { key, version });
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const miss = pending.get(request);
    if (!miss || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
    const etag = strongEtag(payload);
    reply.header('etag', etag).header('vary', vary);
    let entry: Entry | null = null;
    if (opts.maxEntries > 0 && !setsOtherCookies(reply) && !isPersonal(request, payload)) {
      // Compressing a tiny page gains nothing: only bodies of a kilobyte or more are kept encoded.
      const compressed = opts.compress === false || payload.length < COMPRESS_MIN_CHARS ? null : compressHtml(payload);
      entry = { version: miss.version, html: payload, etag, bytes: Buffer.byteLength(payload), gzip: compressed?.gzip ?? null, br: compressed?.br ?? null };
      entry.bytes += (entry.gzip?.length ?? 0) + (entry.br?.length ?? 0);
      store(miss.key, entry);
      reply.header('x-page-cache', 'miss');
    }
    if (etagMatches(request.headers['if-none-match'], etag)) {
      reply.code(304);
      return null;
    }
    const encoding = entry?.gzip ? chooseEncoding(request.headers['accept-encoding']) : null;
    if (!entry || !encoding) return payload;
    reply.header('etag', encodedEtag(etag, encoding)).header('content-encoding', encoding);
    return encoding === 'br' ? entry.br : entry.gzip;
  });

  return {
    stats: () => ({ hits, misses, stores, entries: entries.size, bytes }),
    clear() {
      entries.clear();
      bytes = 0;
    },
  };
}
