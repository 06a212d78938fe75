// The hostile-input fuzzer (issue 8 "Done when"): fast-check generates XSS payloads, SQL
// metacharacters, unicode oddities, huge, empty and invalid values and path traversal, and throws
// them at every public endpoint of the route table (GET query strings and path parameters, POST
// forms and JSON). Nothing may answer 5xx, and the marker tag <x-fuzz> must never come back raw
// in HTML or XML: every echo of a payload has to be escaped.
import fc from 'fast-check';
import type { RouteEntry } from '../../src/core/http/route-table.ts';
import { anonymousSession } from '../helpers/http.ts';
import { ROUTE_POLICIES } from './route-policies.ts';
import { concreteUrl, routeKey, type SecurityWorld } from './security-harness.ts';

export const MARKER = '<x-fuzz>';

const HOSTILE = [
  `${MARKER}<script>alert(1)</script>`, `"><x-fuzz>`, `'><x-fuzz><img src=x onerror=alert(1)>`, `javascript:alert(1)//${MARKER}`,
  `</textarea>${MARKER}`, `</title>${MARKER}`, `<![CDATA[${MARKER}]]>`, `${MARKER}<svg onload=alert(1)>`,
  "' OR '1'='1", "1; DROP TABLE requests; --", "%' OR 1=1 --", '\\', "''", '"', '%', '_', '%%', '\\%', "1' UNION SELECT password_hash FROM users --",
  '../../../../etc/passwd', '..%2f..%2f..%2fetc%2fpasswd', '....//....//etc/passwd', '/..\\..\\windows\\win.ini', '%00', '\u0000', 'a\u0000b',
  '\u202e\u0634evil', '\ufeff', '\ud800', '\udfff', 'ｘ－ｆｕｚｚ', '𠀀𠀁𠀂', '🀄️👨‍👩‍👧', 'Z̴̡̧͎a̷l̵g̶o', '\r\nSet-Cookie: x=1', '${7*7}', '{{7*7}}',
  '-1', '0', '99999999999999999999999', 'NaN', 'Infinity', '1e309', '-0', 'true', 'null', 'undefined', '[]', '{}', '__proto__', 'constructor',
  '2025-02-30', '9999-99-99', '', ' ', '\t\n',
];

export const FIELDS = [
  'q', 'page', 'pageSize', 'sort', 'column', 'year', 'from', 'to', 'topic', 'type', 'agency', 'next', 'mode', 'font', 'contrast', 'lang',
  'trackingCode', 'phoneLast4', 'phone', 'applicantName', 'applicantType', 'idType', 'idNumber', 'email', 'address', 'postcode', 'infoDescription',
  'infoTitle', 'purpose', 'deliveryMethod', 'title', 'body', 'name', 'contact', 'username', 'password', 'agencyId', 'idempotencyKey', 'captcha',
  '__proto__', 'constructor[prototype][x]', 'a[]', 'x'.repeat(300),
];

export const hostileString = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 3, arbitrary: fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...HOSTILE), fc.string({ maxLength: 20 })).map(([a, h, b]) => `${a}${h}${b}`) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 30_000 }).map((n) => `${MARKER}${'长'.repeat(n)}`) },
  { weight: 1, arbitrary: fc.integer().map(String) },
);

export interface FuzzInput {
  endpoint: number;
  fields: [string, string][];
  pathValue: string;
  ip: string;
  asJson: boolean;
}

const inputArb = (endpoints: number) => fc.record({
  endpoint: fc.nat({ max: endpoints - 1 }),
  fields: fc.array(fc.tuple(fc.constantFrom(...FIELDS), hostileString), { minLength: 1, maxLength: 6 }),
  pathValue: hostileString,
  ip: fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map(([a, b, c]) => `10.${a}.${b}.${c}`),
  asJson: fc.boolean(),
});

export interface FuzzReport {
  tried: number;
  perEndpoint: Record<string, { tried: number; statuses: Record<string, number> }>;
  failures: string[];
}

/** The public endpoints of the route table (the static file server left out). */
export function publicEndpoints(world: SecurityWorld): RouteEntry[] {
  return world.routes.filter((r) => ROUTE_POLICIES[routeKey(r)]?.who === 'public');
}

/** Lone surrogates cannot be percent-encoded as UTF-8: they go as U+FFFD, as a browser sends them. */
function encodePathValue(value: string): string {
  return encodeURIComponent(value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}

function withPathValue(world: SecurityWorld, route: RouteEntry, value: string): string {
  // Half the inputs keep the own agency's real ids, the other half put the payload in the path.
  if (!/[:*]/.test(route.url)) return route.url;
  const pattern = route.url.replace(/:([A-Za-z]+)|\*/g, () => encodePathValue(value));
  return value.length % 2 === 0 ? concreteUrl(world, route.url, 'own') : pattern;
}

export async function runFuzz(world: SecurityWorld, opts: { runs: number; seed: number }): Promise<FuzzReport> {
  const endpoints = publicEndpoints(world);
  const anon = await anonymousSession(world.app);
  const report: FuzzReport = { tried: 0, perEndpoint: {}, failures: [] };
  const inputs = fc.sample(inputArb(endpoints.length), { numRuns: opts.runs, seed: opts.seed });
  for (const input of inputs) {
    const route = endpoints[input.endpoint];
    const key = routeKey(route);
    const path = withPathValue(world, route, input.pathValue);
    let res;
    try {
      if (route.method === 'GET') {
        const qs = new URLSearchParams(input.fields).toString();
        res = await world.app.inject({ method: 'GET', url: `${path}?${qs}`, remoteAddress: input.ip });
      } else {
        const body = input.asJson
          ? JSON.stringify({ _csrf: anon.csrf, ...Object.fromEntries(input.fields) })
          : new URLSearchParams([['_csrf', anon.csrf], ...input.fields]).toString();
        res = await world.app.inject({
          method: route.method as 'POST', url: path, remoteAddress: input.ip, payload: body,
          headers: { cookie: anon.cookie, 'content-type': input.asJson ? 'application/json' : 'application/x-www-form-urlencoded' },
        });
      }
    } catch (err) {
      report.failures.push(`${key} threw ${(err as Error).message} for ${JSON.stringify(input).slice(0, 300)}`);
      continue;
    }
    report.tried++;
    const stats = (report.perEndpoint[key] ??= { tried: 0, statuses: {} });
    stats.tried++;
    stats.statuses[res.statusCode] = (stats.statuses[res.statusCode] ?? 0) + 1;
    const type = String(res.headers['content-type'] ?? '');
    if (res.statusCode >= 500) report.failures.push(`${key} answered ${res.statusCode} for ${JSON.stringify(input).slice(0, 300)}`);
    else if (/html|xml/.test(type) && res.body.includes(MARKER))
      report.failures.push(`${key} echoed ${MARKER} unescaped for ${JSON.stringify(input).slice(0, 300)}`);
  }
  return report;
}
