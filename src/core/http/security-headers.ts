// Security headers on every response, set by hand (helmet's defaults cost two thirds of the
// throughput and force HTTPS on plain HTTP). The CSP forbids inline scripts and styles: pages
// load /assets/*.css and /assets/*.js only. Public pages may be framed by the sites configured in
// FRAME_ANCESTORS (a county portal embedding the 政府信息公开 section); staff pages never.
// HSTS only when the site is served over HTTPS in production (a plain-HTTP install must not be
// told to refuse itself).
import type { FastifyInstance } from 'fastify';

const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

export function contentSecurityPolicy(frameAncestors = "'self'"): string {
  return [...POLICY, `frame-ancestors ${frameAncestors}`].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

export const HSTS = 'max-age=31536000';

export interface SecurityHeaderOptions {
  hsts?: boolean;
  /** CSP frame-ancestors for URLs `isPublic` accepts. */
  publicFrameAncestors?: string;
  isPublic?: (url: string) => boolean;
}

export function registerSecurityHeaders(app: FastifyInstance, opts: SecurityHeaderOptions = {}): void {
  const publicPolicy = contentSecurityPolicy(opts.publicFrameAncestors ?? "'self'");
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('content-security-policy', opts.isPublic?.(request.url) ? publicPolicy : CONTENT_SECURITY_POLICY);
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    if (opts.hsts) reply.header('strict-transport-security', HSTS);
    if (request.user) reply.header('cache-control', 'no-store');
  });
}
