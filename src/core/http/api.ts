// JSON API routes declared with zod schemas: the same schemas validate input, type the handler
// and produce the OpenAPI document served at /api/openapi.json.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import { notFound, unauthenticated, validationFailed } from '../errors.ts';
import { refuseNulFields } from './reject-nul.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiSpec<Q extends ZodType, B extends ZodType, P extends ZodType, R extends ZodType> {
  method: HttpMethod;
  /** Fastify path, e.g. /api/v1/items/:id */
  url: string;
  summary: string;
  tags: string[];
  /** public: anyone; staff: a signed-in user (the handler applies the policy). */
  access: 'public' | 'staff';
  /**
   * The role (and record) check, run after the path parameters are parsed and BEFORE the query
   * and body are validated: a caller who may not use the route gets 403/404 whatever they sent,
   * and learns nothing about the form. The service checks again in its transaction.
   */
  authorize?: (request: FastifyRequest, params: z.output<P>) => Promise<void> | void;
  query?: Q;
  body?: B;
  params?: P;
  response: R;
  status?: number;
}

interface Parsed<Q, B, P> {
  query: Q;
  body: B;
  params: P;
}

interface RegisteredRoute {
  spec: ApiSpec<ZodType, ZodType, ZodType, ZodType>;
}

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: RegisteredRoute[];
  }
}

export function registerApiRegistry(app: FastifyInstance): void {
  app.decorate('apiRoutes', [] as RegisteredRoute[]);
}

function parseWith<T>(schema: ZodType<T> | undefined, value: unknown, where: string): T {
  // PostgreSQL cannot store a NUL: refused by the field even where the schema ignores the field.
  refuseNulFields(value, where);
  if (!schema) return undefined as T;
  const result = schema.safeParse(value ?? {});
  if (!result.success)
    throw validationFailed(result.error.issues.map((i) => ({ field: [where, ...i.path].join('.'), message: i.message })));
  return result.data;
}

/** Path parameters of a page route: a malformed one (empty, too long) names no record, so 404. */
export function parseParams<T>(schema: ZodType<T>, params: unknown): T {
  const result = schema.safeParse(params ?? {});
  if (!result.success) throw notFound();
  return result.data;
}

export function apiRoute<Q extends ZodType, B extends ZodType, P extends ZodType, R extends ZodType>(
  app: FastifyInstance,
  spec: ApiSpec<Q, B, P, R>,
  handler: (request: FastifyRequest, input: Parsed<z.output<Q>, z.output<B>, z.output<P>>, reply: FastifyReply) => Promise<z.input<R>>,
): void {
  app.apiRoutes.push({ spec: spec as unknown as ApiSpec<ZodType, ZodType, ZodType, ZodType> });
  app.route({
    method: spec.method,
    url: spec.url,
    handler: async (request, reply) => {
      // Staff APIs refuse anonymous callers before looking at their input: an unauthenticated
      // client learns nothing about the shape a request must have.
      if (spec.access === 'staff' && !request.user) throw unauthenticated();
      const params = parseWith(spec.params, request.params, 'params') as z.output<P>;
      if (spec.authorize) await spec.authorize(request, params);
      const input = {
        query: parseWith(spec.query, request.query, 'query') as z.output<Q>,
        body: parseWith(spec.body, request.body, 'body') as z.output<B>,
        params,
      };
      const result = await handler(request, input, reply);
      // Validate output too: a response never carries a field the schema does not declare.
      const output = spec.response.parse(result);
      return reply.code(spec.status ?? 200).send(output);
    },
  });
}

function jsonSchema(schema: ZodType, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
}

export function openApiDocument(app: FastifyInstance, info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { spec } of app.apiRoutes) {
    const path = spec.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [['query', spec.query], ['path', spec.params]] as const) {
      if (!schema) continue;
      const js = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {}))
        parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s });
    }
    paths[path] ??= {};
    paths[path][spec.method.toLowerCase()] = {
      summary: spec.summary,
      tags: spec.tags,
      security: spec.access === 'staff' ? [{ session: [] }] : [],
      parameters,
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } } } : {}),
      responses: {
        [String(spec.status ?? 200)]: { description: 'OK', content: { 'application/json': { schema: jsonSchema(spec.response, 'output') } } },
        default: { description: '错误', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gk_session' } },
      schemas: {
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                requestId: { type: 'string' },
                fields: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
              },
              required: ['code', 'message'],
            },
          },
        },
      },
    },
  };
}
