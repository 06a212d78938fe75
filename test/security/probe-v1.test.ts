import { after, before, test } from 'node:test';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';
import { ROUTE_POLICIES } from './route-policies.ts';
import { concreteUrl, createSecurityWorld, routeKey, type SecurityWorld } from './security-harness.ts';
let s: TestServices; let w: SecurityWorld;
before(async () => { s = await createTestServices(); w = await createSecurityWorld(s); });
after(async () => { await w?.app.close(); await s?.cleanup(); });
test('probe', async () => {
  const lines: string[] = [];
  for (const route of w.routes) {
    const p = ROUTE_POLICIES[routeKey(route)];
    if (!p || p.who === 'public') continue;
    if (!route.url.includes(':')) continue;
    const role = p.who[p.who.length - 1]!;
    const sess = w.sessions[role];
    const url = concreteUrl(w, route.url, 'own');
    const json = route.url.startsWith('/api/');
    const r = route.method === 'GET' ? await w.app.inject({ method: 'GET', url, headers: { cookie: sess.cookie } })
      : await w.app.inject({ method: route.method as 'POST', url, headers: { cookie: sess.cookie, 'x-csrf-token': sess.csrf, 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' }, payload: json ? JSON.stringify(p.form ?? {}) : new URLSearchParams(p.form ?? {}).toString() });
    lines.push(`${r.statusCode} ${routeKey(route)} [${role}] ${r.statusCode >= 400 ? r.body.slice(0, 120).replace(/\s+/g, ' ') : ''}`);
  }
  console.log(lines.sort().join('\n'));
});
