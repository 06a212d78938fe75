// Server-side rendering of TSX pages with preact-render-to-string, which escapes every text
// node and attribute: never build HTML by string concatenation.
//
// A module may register page hooks once (the portal does): `wrap` puts request-dependent context
// around the page (the visitor's display preferences), `transform` rewrites the finished HTML
// (繁體 conversion, the base path). Pages rendered without an app (unit tests) use neither.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

export interface PageHooks {
  wrap?(request: FastifyRequest, page: VNode): VNode;
  transform?(request: FastifyRequest, html: string): string;
}

declare module 'fastify' {
  interface FastifyInstance {
    pageHooks?: PageHooks;
  }
}

export function registerPageHooks(app: FastifyInstance, hooks: PageHooks): void {
  app.decorate('pageHooks', hooks);
}

export function renderHtml(page: VNode): string {
  return `<!DOCTYPE html>${render(page)}`;
}

/** Renders a page for a request, with the registered hooks. */
export function renderPageFor(request: FastifyRequest, page: VNode): string {
  const hooks = request.server.pageHooks;
  const html = renderHtml(hooks?.wrap ? hooks.wrap(request, page) : page);
  return hooks?.transform ? hooks.transform(request, html) : html;
}

export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(renderPageFor(reply.request, page));
}
