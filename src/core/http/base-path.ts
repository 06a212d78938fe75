// Running under a base path (BASE_PATH=/xxgk: the portal as a section of a county portal). The
// prefix is stripped before routing, so routes stay '/…'; the page hooks put it back on links
// and redirects. Requests arriving without it (a proxy that already stripped it) route as they are.
import type { RawRequestDefaultExpression } from 'fastify';

export function stripBasePath(basePath: string, url: string): string {
  if (!basePath) return url;
  if (url === basePath) return '/';
  if (url.startsWith(`${basePath}/`) || url.startsWith(`${basePath}?`)) {
    const rest = url.slice(basePath.length);
    return rest.startsWith('?') ? `/${rest}` : rest;
  }
  return url;
}

/** Fastify's `rewriteUrl` option for a base path. */
export function basePathRewriter(basePath: string): ((req: RawRequestDefaultExpression) => string) | undefined {
  if (!basePath) return undefined;
  return (req) => stripBasePath(basePath, req.url ?? '/');
}
