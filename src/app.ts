// buildApp(services): core plugins first, then each module's routes. No module state lives in
// the process: sessions, jobs and caches are in the database.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { sql } from 'kysely';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { openApiDocument, registerApiRegistry } from './core/http/api.ts';
import { registerCsrf } from './core/http/csrf.ts';
import { registerRejectNul } from './core/http/reject-nul.ts';
import { databaseRateLimitStore } from './core/http/rate-limit-store.ts';
import { loadSecretKey } from './core/crypto/secret-key.ts';
import { registerErrorHandler } from './core/http/error-handler.ts';
import { registerSecurityHeaders } from './core/http/security-headers.ts';
import { registerRouteTable } from './core/http/route-table.ts';
import { basePathRewriter } from './core/http/base-path.ts';
import { newId } from './core/ids.ts';
import { loggerOptions } from './core/ops/logging.ts';
import { registerOpsRoutes } from './core/ops/ops.routes.ts';
import { registerSessionHook } from './modules/accounts/index.ts';
import type { Services } from './services.ts';
import { portalErrorPage, registerPortalRoutes } from './modules/portal/index.ts';
import { registerConsoleRoutes } from './modules/console/index.ts';
import { registerCatalogRoutes } from './modules/catalog/index.ts';
import { registerReviewRoutes } from './modules/review/index.ts';
import { registerRequestsRoutes } from './modules/requests/index.ts';
import { registerNoticesApi } from './modules/notices/index.ts';
import { registerReportsApi } from './modules/reports/index.ts';
import { answerClientError } from './core/http/client-error.ts';
import { turnTakingServer } from './core/http/fair-turns.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildApp(services: Services, opts: { logger?: boolean; logStream?: { write(line: string): void } } = {}): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    // Structured logs without personal data (core/ops/logging.ts); a stream only in tests.
    logger: opts.logger || opts.logStream ? loggerOptions(config.logLevel, opts.logStream) : false,
    genReqId: () => newId(),
    trustProxy: config.trustProxy,
    rewriteUrl: basePathRewriter(config.basePath),
    bodyLimit: 2 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    // Malformed URLs and the like fail before routing: answer them in our error format too.
    frameworkErrors: (_error, request, rawReply) => {
      const reply = rawReply as unknown as FastifyReply;
      reply.code(400).type('application/json; charset=utf-8').send({
        error: { code: 'BAD_REQUEST', message: '请求地址或格式无效', fields: [], requestId: request.id },
      });
    },
    // What Node's HTTP parser refuses (raw non-ASCII or spaces in a URL, malformed headers) never
    // becomes a request: answer it in our error format too (core/http/client-error.ts).
    clientErrorHandler: answerClientError,
    // Requests take turns so that a busy process still accepts new connections (core/http/fair-turns.ts).
    ...(config.httpRequestsPerTurn > 0 ? { serverFactory: turnTakingServer(config.httpRequestsPerTurn) } : {}),
  });
  registerRouteTable(app);
  // Several instances behind one proxy (docs/deployment.md): say which one answered.
  if (config.instanceId) app.addHook('onRequest', async (_request, reply) => void reply.header('x-instance', config.instanceId));
  const secureCookies = config.isProduction && (config.publicUrl?.startsWith('https://') ?? false);

  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 2 * 1024 * 1024 });
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 10, fields: 60, fieldSize: 1024 * 1024 } });
  // Counters in the database so that every instance counts together (core/http/rate-limit-store.ts).
  const rateLimitStore = databaseRateLimitStore({ db: services.database.db, clock: services.clock, secretKey: loadSecretKey(config), log: app.log });
  await app.register(rateLimit, { global: false, store: rateLimitStore });
  await app.register(fastifyStatic, { root: path.join(root, 'public'), prefix: '/assets/', maxAge: '7d', index: false });

  registerApiRegistry(app);
  registerSecurityHeaders(app, { hsts: secureCookies, publicFrameAncestors: config.frameAncestors, isPublic: (url) => !url.startsWith('/console') && !url.startsWith('/api/') });
  registerSessionHook(app, services.accounts);
  registerCsrf(app, { secureCookies });
  registerErrorHandler(app, portalErrorPage);
  registerRejectNul(app);

  app.get('/healthz', async (_request, reply) => {
    await sql`select 1`.execute(services.database.db);
    return reply.header('cache-control', 'no-store').send({ status: 'ok', database: services.database.dialect });
  });
  registerOpsRoutes(app, { db: services.database.db, metricsToken: config.metricsToken });
  // modules: register routes below, one line per module (API, then portal, then console)
  registerCatalogRoutes(app, services);
  registerReviewRoutes(app, services);
  registerRequestsRoutes(app, services);
  registerNoticesApi(app, services);
  registerReportsApi(app, services);
  registerPortalRoutes(app, services);
  registerConsoleRoutes(app, services);

  app.get('/api/openapi.json', async () => openApiDocument(app, { title: 'gongkai 政府信息公开平台 API', version: '1' }));

  return app;
}
