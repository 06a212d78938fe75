// Every route the app registers, collected as it is registered. The security tests generate the
// authorisation matrix, the CSRF check and the fuzz targets from this table, so that a route
// added later is covered (and must declare its policy) without anyone remembering to list it.
import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  method: string;
  url: string;
  config: Record<string, unknown>;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

/** Call right after creating the Fastify instance, before any plugin registers a route. */
export function registerRouteTable(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const config = (route.config ?? {}) as Record<string, unknown>;
    for (const method of methods) table.push({ method: String(method), url: route.url ?? route.path, config });
  });
}
