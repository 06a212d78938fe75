// The staff side of the hostile-input fuzzer: signed in as each role of the policy (work roles and
// the three administrators), it POSTs hostile bodies to every console and staff API route that
// changes something, on the own agency's real records. Bodies come url-encoded, as JSON (wrong
// types, nested objects, arrays for scalars, prototype-pollution keys) or multipart (with a
// hostile file), and use the field names the route really reads: those of the console's own forms
// (harvested from the pages) and those of the API's body schemas. Nothing may answer 5xx, the
// marker never comes back raw in HTML, and a body carrying a NUL character is refused with a
// 4xx: PostgreSQL cannot store one, so it must never get that far.
import fc from 'fast-check';
import { z, type ZodType } from 'zod';
import type { RouteEntry } from '../../src/core/http/route-table.ts';
import { systemActor } from '../../src/core/audit/audit.ts';
import type { TestSession } from '../helpers/http.ts';
import type { TestServices } from '../helpers/test-services.ts';
import { FIELDS, hostileString, MARKER, type FuzzReport } from './fuzz.ts';
import { ROUTE_POLICIES } from './route-policies.ts';
import { concreteUrl, ROLE_KEYS, routeKey, type RoleKey, type SecurityWorld } from './security-harness.ts';

/** Logging out ends the session the run relies on; every other staff write is fuzzed. */
const SKIPPED = new Set(['POST /console/logout']);

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', '__proto__[polluted]', 'constructor[prototype][polluted]', '__proto__.polluted'];

type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

const hostileValue: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 8, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('__proto__', 'polluted', 'a', 'x'), hostileString, { maxKeys: 3 }) },
);

export interface StaffFuzzInput {
  endpoint: number;
  /** Which role signs in: one the policy allows (the handler is reached), or any role. */
  role: number;
  anyRole: boolean;
  /** Indexes into the route's field names (the rest of the pool: generic and pollution keys). */
  fields: [number, JsonValue][];
  encoding: 'form' | 'json' | 'multipart';
  pathValue: string | null;
}

const inputArb = (endpoints: number) => fc.record({
  endpoint: fc.nat({ max: endpoints - 1 }),
  role: fc.nat({ max: 100 }),
  anyRole: fc.nat({ max: 3 }).map((n) => n === 0),
  fields: fc.array(fc.tuple(fc.nat({ max: 1000 }), hostileValue), { minLength: 1, maxLength: 8 }),
  encoding: fc.constantFrom('form', 'form', 'json', 'multipart'),
  // Mostly the own agency's real records (the handlers run); now and then a hostile path id.
  pathValue: fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: hostileString }),
});

/** The staff routes that change something (the policy names roles; GETs are left to the matrix). */
export function staffEndpoints(world: SecurityWorld): RouteEntry[] {
  return world.routes.filter((r) => r.method !== 'GET' && !SKIPPED.has(routeKey(r)) && ROUTE_POLICIES[routeKey(r)]?.who !== 'public');
}

function patternRegex(url: string): RegExp {
  const escaped = url.split(/(:[A-Za-z]+|\*)/).map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${escaped.join('')}$`);
}

/** Field names per route key: the console's forms (from every page the own agency's officer and others open) and the API's body schemas. */
export async function harvestFields(world: SecurityWorld): Promise<Map<string, string[]>> {
  const targets = staffEndpoints(world).map((r) => ({ key: routeKey(r), re: patternRegex(r.url) }));
  const found = new Map<string, Set<string>>();
  const add = (key: string, name: string) => (found.get(key) ?? found.set(key, new Set()).get(key)!).add(name);
  for (const route of world.routes) {
    const policy = ROUTE_POLICIES[routeKey(route)];
    if (route.method !== 'GET' || !route.url.startsWith('/console') || !policy || policy.who === 'public') continue;
    const role: RoleKey = policy.who.includes('officer') ? 'officer' : policy.who[0];
    const res = await world.app.inject({ method: 'GET', url: concreteUrl(world, route.url, 'own'), headers: { cookie: world.sessions[role].cookie } });
    if (!String(res.headers['content-type'] ?? '').includes('html')) continue;
    for (const form of res.body.matchAll(/<form\b[^>]*\baction="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)) {
      const action = form[1].replace(/&amp;/g, '&').split('?')[0];
      const target = targets.find((t) => t.key.startsWith('POST ') && t.re.test(action));
      if (!target) continue;
      for (const name of form[2].matchAll(/\bname="([^"]+)"/g)) if (name[1] !== '_csrf') add(target.key, name[1]);
    }
  }
  for (const { spec } of world.app.apiRoutes) {
    if (!spec.body) continue;
    const schema = z.toJSONSchema(spec.body as ZodType, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
    for (const name of Object.keys(schema.properties ?? {})) add(`${spec.method} ${spec.url}`, name);
  }
  return new Map([...found].map(([k, v]) => [k, [...v]]));
}

const hasNul = (value: JsonValue): boolean =>
  typeof value === 'string' ? value.includes('\u0000') : Array.isArray(value) ? value.some(hasNul) : value !== null && typeof value === 'object' ? Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v)) : false;

const scalar = (v: JsonValue): string => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * The fields as the route receives them, for the NUL check: a JSON body keeps the last of
 * repeated names (JSON.parse), and a form or multipart body sends objects as JSON text, where
 * JSON.stringify has escaped a NUL to `\u0000` (six ordinary characters).
 */
function fieldsAsSent(encoding: StaffFuzzInput['encoding'], fields: [string, JsonValue][]): [string, JsonValue][] {
  if (encoding === 'json') return Object.entries(Object.fromEntries(fields));
  return fields.flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v): [string, JsonValue] => [name, scalar(v)]));
}

function multipartBody(fields: [string, JsonValue][], csrf: string): { payload: Buffer; type: string } {
  const boundary = '----gkfuzz' + 'x'.repeat(8);
  const chunks: Buffer[] = [];
  const part = (headers: string, body: string | Buffer) => chunks.push(Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), Buffer.from(body), Buffer.from('\r\n'));
  part('Content-Disposition: form-data; name="_csrf"', csrf);
  for (const [name, value] of fields) {
    const quoted = name.replace(/["\r\n]/g, '_');
    if (typeof value === 'string' && value.length % 3 === 0)
      part(`Content-Disposition: form-data; name="${quoted}"; filename="${value.slice(0, 80).replace(/["\r\n]/g, '_')}.pdf"\r\nContent-Type: application/pdf`, Buffer.from(`%PDF-1.4\n${value}`));
    for (const v of Array.isArray(value) ? value : [value]) part(`Content-Disposition: form-data; name="${quoted}"`, scalar(v));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

function request(session: TestSession, input: StaffFuzzInput, fields: [string, JsonValue][]) {
  if (input.encoding === 'json')
    return { payload: JSON.stringify(Object.fromEntries(fields)).replace(/"__proto__x":/g, '"__proto__":'), type: 'application/json' };
  if (input.encoding === 'multipart') return multipartBody(fields, session.csrf);
  const params = new URLSearchParams([['_csrf', session.csrf]]);
  for (const [name, value] of fields) for (const v of Array.isArray(value) ? value : [value]) params.append(name, scalar(v));
  return { payload: params.toString(), type: 'application/x-www-form-urlencoded' };
}

/** A user of the own agency for the `/users/:id` routes to deactivate, unlock and reset at will. */
export async function createFuzzVictim(s: TestServices, world: SecurityWorld): Promise<string> {
  const user = await s.accounts.createUser(systemActor('测试'), {
    agencyId: world.fx.agency.id, departmentId: null, username: 'fuzzvictim', displayName: '受试用户', password: world.fx.password,
    roles: ['drafter'], isPrincipalLeader: false, mustChangePassword: false,
  });
  return user.id;
}

export interface StaffFuzzReport extends FuzzReport {
  /** Per role: inputs sent signed in as it. */
  perRole: Record<string, number>;
}

/**
 * Hostile bodies at every staff write route. `victimUserId` replaces the own agency's drafter in
 * `/users/:id` routes, so that a lucky "deactivate" or "reset password" does not sign the
 * drafter out for the rest of the run.
 */
export async function runStaffFuzz(world: SecurityWorld, opts: { runs: number; seed: number; victimUserId: string }): Promise<StaffFuzzReport> {
  const endpoints = staffEndpoints(world);
  const harvested = await harvestFields(world);
  const report: StaffFuzzReport = { tried: 0, perEndpoint: {}, failures: [], perRole: {} };
  const inputs = fc.sample(inputArb(endpoints.length), { numRuns: opts.runs, seed: opts.seed });
  for (const input of inputs) {
    const route = endpoints[input.endpoint];
    const key = routeKey(route);
    const policy = ROUTE_POLICIES[key]!;
    const allowed = policy.who === 'public' ? ROLE_KEYS : policy.who;
    const role = input.anyRole ? ROLE_KEYS[input.role % ROLE_KEYS.length] : allowed[input.role % allowed.length];
    const session = world.sessions[role];
    const own = harvested.get(key) ?? [];
    const readsField = new Set(own);
    // The route's own fields come up about half the time.
    const pool = [...own, ...own, ...own, ...own, ...FIELDS, ...PROTO_KEYS];
    // JSON.stringify drops a literal __proto__ own key: it is spelt __proto__x and restored in the text.
    const fields = input.fields.map(([i, v]): [string, JsonValue] => {
      const name = pool[i % pool.length];
      return [input.encoding === 'json' && name === '__proto__' ? '__proto__x' : name, v];
    });
    let url = concreteUrl(world, route.url, 'own').replace(world.own.userId, opts.victimUserId);
    if (input.pathValue !== null && /[:*]/.test(route.url)) url = route.url.replace(/:([A-Za-z]+)|\*/g, () => encodeURIComponent(input.pathValue!.replace(/[\ud800-\udfff]/g, '\ufffd')));
    const body = request(session, input, fields);
    let res;
    try {
      res = await world.app.inject({
        method: route.method as 'POST', url, payload: body.payload,
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': body.type },
      });
    } catch (err) {
      report.failures.push(`${key} as ${role} threw ${(err as Error).message} for ${JSON.stringify(fields).slice(0, 300)}`);
      continue;
    }
    report.tried++;
    report.perRole[role] = (report.perRole[role] ?? 0) + 1;
    const stats = (report.perEndpoint[key] ??= { tried: 0, statuses: {} });
    stats.tried++;
    stats.statuses[res.statusCode] = (stats.statuses[res.statusCode] ?? 0) + 1;
    const what = `${key} as ${role} (${input.encoding}) ${JSON.stringify(fields).slice(0, 300)}`;
    const type = String(res.headers['content-type'] ?? '');
    if (res.statusCode >= 500) report.failures.push(`${what}: ${res.statusCode}`);
    else if (/html|xml/.test(type) && res.body.includes(MARKER)) report.failures.push(`${what}: ${MARKER} echoed unescaped`);
    // A field the route reads (its form or body schema) never carries a NUL past the checks.
    else if (fieldsAsSent(input.encoding, fields).some(([name, v]) => readsField.has(name) && hasNul(v)) && res.statusCode < 400)
      report.failures.push(`${what}: a NUL in a field the route reads was accepted (${res.statusCode})`);
  }
  if (({} as Record<string, unknown>).polluted !== undefined) report.failures.push('Object.prototype was polluted');
  return report;
}
