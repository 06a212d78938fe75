// Structured request logs (pino through Fastify) with the request id and no personal data. What
// Fastify logs by default would carry applicants' data: query strings (/track?phone=…, receipt
// links ?k=…), tracking codes and signed download tokens in paths, and database error details
// (pg's `detail` quotes the conflicting values). 个人信息保护法 第五十一条: protect personal
// information by technical measures; the logs are read by operators who must not see it.
import type { FastifyRequest } from 'fastify';

/** Route patterns whose concrete paths hold a credential: log the pattern instead. */
function pathIsSecret(pattern: string): boolean {
  return pattern.includes(':trackingCode') || pattern.includes('*');
}

/** What a log line may say about the URL: the path without its query, or the route pattern. */
export function loggableUrl(url: string, routePattern: string | undefined): string {
  if (routePattern && pathIsSecret(routePattern)) return routePattern;
  const q = url.indexOf('?');
  return (q >= 0 ? url.slice(0, q) : url).slice(0, 200);
}

const REDACT = [
  'req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]',
  // Should a body or query ever be logged by a handler (request.log.info({ body })).
  'body', 'query', 'req.body', 'req.query', '*.idNumber', '*.agentIdNumber', '*.phone', '*.applicantName', '*.agentName', '*.email', '*.address',
];

export interface RequestLogFields {
  [key: string]: unknown;
  method: string;
  url: string;
  route?: string;
  remoteAddress?: string;
}

export function loggerOptions(level: string, stream?: { write(line: string): void }) {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: REDACT, censor: '[redacted]' },
    serializers: {
      req(request: FastifyRequest): RequestLogFields {
        const route = request.routeOptions?.url;
        // The client address stays: 网络安全法 第二十一条 asks for access logs for security review.
        return { method: request.method, url: loggableUrl(request.url, route), route, remoteAddress: request.ip };
      },
      res(reply: { statusCode: number }) {
        return { statusCode: reply.statusCode };
      },
      err(err: Error & { code?: unknown; statusCode?: unknown }) {
        // Only these fields: driver errors carry the SQL parameters or the conflicting row.
        return { type: err.name, message: err.message.slice(0, 500), code: err.code, statusCode: err.statusCode, stack: err.stack ?? '' };
      },
    },
  };
}
