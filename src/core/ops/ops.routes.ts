// Operations endpoints: /readyz (load balancer) and /metrics (Prometheus), plus the hook that
// times every request by its route pattern. /healthz (liveness) stays in app.ts.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import { metrics, renderMetrics } from './metrics.ts';
import { createLifecycle, createReadinessCheck, type Lifecycle } from './readiness.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Shutdown state shared by /readyz and the process's signal handler (src/server.ts). */
    lifecycle: Lifecycle;
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Metrics describe the whole installation (queue sizes, traffic): only for a scraper on the same
 * machine or one holding METRICS_TOKEN. A request relayed by a reverse proxy on the same machine
 * carries X-Forwarded-For and counts as remote, whatever its socket address.
 */
export function metricsAllowed(request: FastifyRequest, token: string): boolean {
  return metricsAllowedFor(request.headers, request.socket.remoteAddress, token);
}

/** The same rule for a plain node:http request (the standalone worker's listener, core/ops/worker-http.ts). */
export function metricsAllowedFor(headers: IncomingHttpHeaders, remoteAddress: string | undefined, token: string): boolean {
  const auth = headers.authorization ?? '';
  if (token && auth.startsWith('Bearer ')) {
    const given = Buffer.from(auth.slice('Bearer '.length));
    const expected = Buffer.from(token);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return true;
  }
  const forwarded = headers['x-forwarded-for'] !== undefined || headers.forwarded !== undefined;
  return !forwarded && LOOPBACK.has(remoteAddress ?? '');
}

export function registerOpsRoutes(app: FastifyInstance, deps: { db: Db; metricsToken: string }): Lifecycle {
  const lifecycle = createLifecycle();
  app.decorate('lifecycle', lifecycle);
  const readiness = createReadinessCheck(deps.db, lifecycle);
  const { httpDuration } = metrics();

  app.addHook('onResponse', async (request, reply) => {
    // The pattern ('/items/:id'), never the URL: bounded label values and no codes or queries.
    const route = request.routeOptions.url ?? 'unmatched';
    httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  app.get('/readyz', async (_request, reply) => {
    const r = await readiness();
    return reply.code(r.ready ? 200 : 503).header('cache-control', 'no-store').send({ status: r.ready ? 'ready' : 'unavailable', ...r });
  });

  app.get('/metrics', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!metricsAllowed(request, deps.metricsToken)) return reply.code(403).type('text/plain; charset=utf-8').send('forbidden\n');
    const { contentType, body } = await renderMetrics(deps.db);
    return reply.type(contentType).send(body);
  });
  return lifecycle;
}
