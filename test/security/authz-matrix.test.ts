// The authorisation matrix (issue 8 part 3): every route of the route table × anonymous and every
// role × the own and the other agency's records, against the policy declared in
// route-policies.ts. Anonymous callers are sent to the login page (console) or get 401 (staff
// API); a role the policy leaves out gets 403/404 whatever it sent (never a 409/422: the role is
// checked before the form and the record's state); an allowed role is never refused (401/403),
// gets no 404 for the own agency's record, and a 409 only where the policy says the record's
// state decides; another agency's record is 404.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RouteEntry } from '../../src/core/http/route-table.ts';
import { anonymousSession, type TestSession } from '../helpers/http.ts';
import { ROUTE_POLICIES, type RoutePolicy } from './route-policies.ts';
import { concreteUrl, useSecurityWorld, hasAgencyRecord, ROLE_KEYS, routeKey, type RoleKey, type SecurityWorld, type Which } from './security-harness.ts';

let w: SecurityWorld;
let anon: TestSession;

useSecurityWorld(async (world) => {
  w = world;
  anon = await anonymousSession(w.app);
});

function call(route: RouteEntry, which: Which, session: TestSession | null, policy?: RoutePolicy, role?: RoleKey) {
  return callAs(route, concreteUrl(w, route.url, which, role), session, policy?.form ?? {});
}

function callAs(route: RouteEntry, url: string, session: TestSession | null, form: Readonly<Record<string, string>>) {
  if (route.method === 'GET') return w.app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} });
  const json = route.url.startsWith('/api/');
  const by = session ?? anon;
  return w.app.inject({
    method: route.method as 'POST',
    url,
    headers: { cookie: by.cookie, 'x-csrf-token': by.csrf, 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
    payload: json ? JSON.stringify(form) : new URLSearchParams(form).toString(),
  });
}

/** Logging out ends the session the rest of the matrix uses: it goes last. */
const ordered = () => [...w.routes].sort((a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')) || Number(a.method !== 'GET') - Number(b.method !== 'GET'));

describe('authorisation matrix generated from the route table', () => {
  test('every route declares its policy, and every declared policy names a route', () => {
    const keys = new Set(w.routes.map(routeKey));
    const undeclared = [...keys].filter((k) => !(k in ROUTE_POLICIES));
    const stale = Object.keys(ROUTE_POLICIES).filter((k) => !keys.has(k));
    assert.deepEqual(undeclared, [], 'routes without a policy in test/security/route-policies.ts');
    assert.deepEqual(stale, [], 'policies for routes that no longer exist');
    assert.ok(w.routes.length > 150, `only ${w.routes.length} routes collected`);
  });

  test('the staff filings API refuses a wrong role before it looks the filing up', async () => {
    const unknown = concreteUrl(w, '/api/v1/staff/filings/:id', 'none');
    const post = (url: string, role: RoleKey) => w.app.inject({
      method: 'POST', url, headers: { cookie: w.sessions[role].cookie, 'x-csrf-token': w.sessions[role].csrf, 'content-type': 'application/json' }, payload: '{}',
    });
    assert.equal((await post(`${unknown}/filed`, 'confidentialityReviewer')).statusCode, 403);
    assert.equal((await post(`${unknown}/rows/${w.own.filingRowId}`, 'drafter')).statusCode, 403);
    assert.equal((await post(`${unknown}/filed`, 'officer')).statusCode, 404);
  });

  test('a handling department uses a route on a request (message) assigned to it, not on one assigned to another', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of ordered()) {
      const policy = ROUTE_POLICIES[routeKey(route)];
      if (!policy?.department) continue;
      const d = w.own.department;
      const [mine, theirs] = route.url.startsWith('/console/messages/') ? [d.messageId, d.otherMessageId] : [d.requestId, d.otherRequestId];
      const form = policy.departmentForm ?? policy.form ?? {};
      for (const role of policy.department) {
        for (const [id, allowed] of [[theirs, false], [mine, true]] as const) {
          const url = route.url.replace(':id', id).replace(':verb', form.verb ?? '');
          const res = await callAs(route, url, w.sessions[role], form);
          checked++;
          const where = `${routeKey(route)} ${role} on a record assigned to ${allowed ? 'its own' : 'another'} department`;
          if (allowed && [401, 403, 404].includes(res.statusCode)) failures.push(`${where}: ${res.statusCode}, declared allowed`);
          if (!allowed && ![403, 404].includes(res.statusCode)) failures.push(`${where}: ${res.statusCode}, expected 403/404`);
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(checked >= 40, `only ${checked} calls made`);
  });

  test('every route × anonymous and every role × own and other agency answers as declared', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of ordered()) {
      const policy = ROUTE_POLICIES[routeKey(route)];
      if (!policy) continue;
      const key = routeKey(route);
      const a = await call(route, 'own', null, policy);
      checked++;
      if (policy.who === 'public') {
        if (a.statusCode === 401 || a.statusCode === 403 || String(a.headers.location ?? '').startsWith('/console/login?'))
          failures.push(`${key} anonymous: ${a.statusCode} on a public route`);
        continue;
      }
      if (route.url.startsWith('/console')) {
        if (a.statusCode !== 303 || !String(a.headers.location).startsWith('/console/login')) failures.push(`${key} anonymous: ${a.statusCode}, expected 303 to login`);
      } else if (a.statusCode !== 401) failures.push(`${key} anonymous: ${a.statusCode}, expected 401`);

      const scoped = hasAgencyRecord(w, route.url);
      for (const role of ROLE_KEYS) {
        const allowed = policy.who.includes(role);
        const own = await call(route, 'own', w.sessions[role], policy, role);
        checked++;
        const refused = [403, 404];
        if (allowed) {
          if (own.statusCode === 401 || own.statusCode === 403) failures.push(`${key} ${role}: ${own.statusCode}, declared allowed`);
          else if (scoped && own.statusCode === 404) failures.push(`${key} ${role}: 404 on the own agency's record`);
          else if (own.statusCode === 409 && !policy.state) failures.push(`${key} ${role}: 409, but the policy does not say the record's state decides`);
        } else if (!refused.includes(own.statusCode)) failures.push(`${key} ${role}: ${own.statusCode}, expected ${refused.join('/')}`);
        if (!scoped || !allowed) continue;
        const other = await call(route, 'other', w.sessions[role], policy, role);
        checked++;
        if (other.statusCode !== 404) failures.push(`${key} ${role} on the other agency's record: ${other.statusCode}, expected 404`);
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(checked > 1500, `only ${checked} calls made`);
  });
});
