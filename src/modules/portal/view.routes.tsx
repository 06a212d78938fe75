// Wires the portal's view into the app (issue 7 parts 1, 2 and 4): the page hooks that give every
// page the visitor's preferences and rewrite the finished HTML (繁體, base path, embed links),
// the base path on redirects, and GET /prefs, which stores a preference and goes back.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { registerPageHooks } from '../../core/http/render.ts';
import { prefixLocation, rewriteLinks, toTraditionalHtml } from './html-transform.ts';
import {
  embedRequested, formatPrefsCookie, isPortalPath, parsePrefsCookie, PortalViewContext, prefsOf, PREFS_COOKIE, PREFS_MAX_AGE_S,
  safeBackPath, updatePrefs, type PortalView,
} from './view.ts';

/** The absolute URL of the site's root (PUBLIC_URL, else what the request says), with the base path. */
export function publicBase(config: Config, request: FastifyRequest): string {
  const origin = config.publicUrl ? config.publicUrl.replace(/\/+$/, '') : `${request.protocol}://${request.host}`;
  return `${origin}${config.basePath}`;
}

export function viewOf(config: Config, request: FastifyRequest): PortalView {
  const portal = isPortalPath(request.url);
  return {
    prefs: portal ? prefsOf(request) : { mode: 'standard', size: 'm', lang: 'zh-Hans' },
    embed: portal && (config.portalChrome === 'none' || embedRequested(request)),
    path: request.url,
    publicBase: publicBase(config, request),
    site: config.site,
  };
}

export function registerPortalView(app: FastifyInstance, config: Config): void {
  const secure = config.isProduction && (config.publicUrl?.startsWith('https://') ?? false);
  registerPageHooks(app, {
    wrap: (request, page) => <PortalViewContext.Provider value={viewOf(config, request)}>{page}</PortalViewContext.Provider>,
    transform(request, html) {
      const portal = isPortalPath(request.url);
      let out = portal && prefsOf(request).lang === 'zh-Hant' ? toTraditionalHtml(html) : html;
      // Query-string embedding carries itself from link to link; PORTAL_CHROME=none needs no marker.
      out = rewriteLinks(out, { basePath: config.basePath, embed: portal && embedRequested(request) });
      return out;
    },
  });

  if (config.basePath) {
    app.addHook('onSend', async (_request, reply, payload) => {
      const location = reply.getHeader('location');
      if (typeof location === 'string') reply.header('location', prefixLocation(location, config.basePath));
      return payload;
    });
  }

  // A GET (not a form) so that it works as a plain link with JavaScript off; it changes nothing
  // but the visitor's own cookie, and `back` is checked so that it cannot redirect off-site.
  app.get('/prefs', async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    const prefs = updatePrefs(parsePrefsCookie(request.cookies[PREFS_COOKIE]), query);
    reply.setCookie(PREFS_COOKIE, formatPrefsCookie(prefs), { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: PREFS_MAX_AGE_S });
    return reply.header('cache-control', 'no-store').redirect(safeBackPath(query.back), 303);
  });
}
