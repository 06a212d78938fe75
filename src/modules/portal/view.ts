// The visitor's display preferences and the page-wide view of a portal request (issue 7 parts 1,
// 2 and 4): elder-friendly mode (适老化), font size (大 中 小), 简/繁, and the chromeless embed
// mode. Preferences persist without JavaScript in one cookie set by GET /prefs, which redirects
// back; `?lang=zh-Hant` / `?lang=zh-Hans` overrides the language for one page so that it can be
// linked. The page cache keys on `prefsKey`, so each variant is cached apart.
import type { FastifyRequest } from 'fastify';
import { createContext } from 'preact';
import type { SiteInfo } from '../../config.ts';

export type DisplayMode = 'standard' | 'elder';
export type FontSize = 's' | 'm' | 'l';
export type Lang = 'zh-Hans' | 'zh-Hant';

export interface DisplayPrefs {
  mode: DisplayMode;
  size: FontSize;
  lang: Lang;
}

export const PREFS_COOKIE = 'gk_prefs';
export const DEFAULT_PREFS: DisplayPrefs = { mode: 'standard', size: 'm', lang: 'zh-Hans' };
/** A year: long enough to be a real preference, short enough to be forgotten. */
export const PREFS_MAX_AGE_S = 365 * 24 * 3600;

const MODES: readonly DisplayMode[] = ['standard', 'elder'];
const SIZES: readonly FontSize[] = ['s', 'm', 'l'];
const LANGS: readonly Lang[] = ['zh-Hans', 'zh-Hant'];

const pick = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T) : undefined;

/** `elder.l.zh-Hant`; anything unreadable falls back to the defaults part by part. */
export function parsePrefsCookie(raw: string | undefined): DisplayPrefs {
  const [mode, size, lang] = (raw ?? '').split('.');
  return {
    mode: pick(MODES, mode) ?? DEFAULT_PREFS.mode,
    size: pick(SIZES, size) ?? DEFAULT_PREFS.size,
    lang: pick(LANGS, lang) ?? DEFAULT_PREFS.lang,
  };
}

export const formatPrefsCookie = (p: DisplayPrefs) => `${p.mode}.${p.size}.${p.lang}`;

/** Applies the changes a /prefs link asks for; unknown values are ignored. */
export function updatePrefs(current: DisplayPrefs, query: Record<string, unknown>): DisplayPrefs {
  return {
    mode: pick(MODES, query.mode) ?? current.mode,
    size: pick(SIZES, query.size) ?? current.size,
    lang: pick(LANGS, query.lang) ?? current.lang,
  };
}

/**
 * Where /prefs may send the visitor back to: a path on this site only. Anything else (absolute
 * URLs, `//host`, backslashes that browsers read as slashes, control characters) becomes '/',
 * so the endpoint can never be an open redirect.
 */
export function safeBackPath(back: unknown): string {
  if (typeof back !== 'string' || back.length > 2000) return '/';
  // eslint-disable-next-line no-control-regex
  if (!back.startsWith('/') || back.startsWith('//') || /[\\\s\u0000-\u001f\u007f]/.test(back)) return '/';
  try {
    const parsed = new URL(back, 'http://local.invalid');
    if (parsed.origin !== 'http://local.invalid') return '/';
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return '/';
  }
}

const memo = new WeakMap<FastifyRequest, DisplayPrefs>();

/** The request's preferences: the cookie, then `?lang=` for a linkable 繁體 page. */
export function prefsOf(request: FastifyRequest): DisplayPrefs {
  let prefs = memo.get(request);
  if (!prefs) {
    prefs = parsePrefsCookie(request.cookies?.[PREFS_COOKIE]);
    const lang = pick(LANGS, (request.query as Record<string, unknown> | undefined)?.lang);
    if (lang) prefs = { ...prefs, lang };
    memo.set(request, prefs);
  }
  return prefs;
}

export function embedRequested(request: FastifyRequest): boolean {
  return (request.query as Record<string, unknown> | undefined)?.embed === '1';
}

/** Staff pages and the API are never converted or restyled by the portal's preferences. */
export function isPortalPath(url: string): boolean {
  return !url.startsWith('/console') && !url.startsWith('/api/');
}

/** The page-cache variant: everything besides the URL that changes a portal page's HTML. */
export function prefsKey(request: FastifyRequest): string {
  return formatPrefsCookie(prefsOf(request));
}

/** What the layout needs about the request beyond the page's own data. */
export interface PortalView {
  prefs: DisplayPrefs;
  /** Content only: no header, navigation or footer. */
  embed: boolean;
  /** The current path and query (without the base path): the /prefs links return here. */
  path: string;
  /** Absolute origin and base path, for canonical links, OpenGraph and feeds. */
  publicBase: string;
  site: SiteInfo;
}

export const DEFAULT_VIEW: PortalView = {
  prefs: DEFAULT_PREFS,
  embed: false,
  path: '/',
  publicBase: '',
  site: { organizer: '', undertaker: '', contact: '', siteCode: '', icp: '', psb: '', conacUrl: '', errorReportUrl: '' },
};

export const PortalViewContext = createContext<PortalView>(DEFAULT_VIEW);

/** The link that changes one preference and comes back to `path`. */
export function prefsHref(change: Partial<Record<'mode' | 'size' | 'lang', string>>, path: string): string {
  const query = new URLSearchParams(change as Record<string, string>);
  query.set('back', path);
  return `/prefs?${query.toString()}`;
}

/** Query parameters that select content; anything else (tracking tags, view switches) is dropped. */
const CONTENT_PARAMS = ['agency', 'page', 'q', 'column', 'year', 'validity'];

/** The canonical path of a page: its path and content-selecting parameters only. */
export function canonicalPath(url: string): string {
  const parsed = new URL(url, 'http://local.invalid');
  const kept = new URLSearchParams();
  for (const name of CONTENT_PARAMS) {
    const value = parsed.searchParams.get(name);
    if (value) kept.set(name, value);
  }
  const qs = kept.toString();
  return qs ? `${parsed.pathname}?${qs}` : parsed.pathname;
}
