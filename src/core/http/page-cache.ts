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
import { createHash } from 'node:crypto';
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
}

export const DEFAULT_PAGE_CACHE_BYTES = 64 * 1024 * 1024;

/** A strong validator: the same bytes give the same tag in every process. */
export function strongEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** RFC 9110 §13.1.2: If-None-Match is `*` or a list of tags; weak comparison is allowed for GET. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
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
    const key = `GET ${request.url}`;
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
      reply.header('etag', entry.etag).header('cache-control', opts.cacheControl).header('x-page-cache', 'hit');
      if (etagMatches(request.headers['if-none-match'], entry.etag)) return reply.code(304).send();
      return reply.code(200).type('text/html; charset=utf-8').send(entry.html);
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
    reply.header('etag', etag);
    if (opts.maxEntries > 0 && !setsOtherCookies(reply) && !isPersonal(request, payload)) {
      store(miss.key, { version: miss.version, html: payload, etag, bytes: Buffer.byteLength(payload) });
      reply.header('x-page-cache', 'miss');
    }
    if (!etagMatches(request.headers['if-none-match'], etag)) return payload;
    reply.code(304);
    return null;
  });

  return {
    stats: () => ({ hits, misses, stores, entries: entries.size, bytes }),
    clear() {
      entries.clear();
      bytes = 0;
    },
  };
}
