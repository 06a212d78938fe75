// The world the route-table security tests run against: two agencies with one signed-in session
// per role each, records of both agencies (items, requests, columns, users) and the rule that
// turns a route pattern into a concrete URL with the own agency's, the other agency's or no
// record's ids. Used by the authorisation matrix, the CSRF test and the fuzz test.
import type { FastifyInstance } from 'fastify';
import { systemActor } from '../../src/core/audit/audit.ts';
import { newId } from '../../src/core/ids.ts';
import type { RouteEntry } from '../../src/core/http/route-table.ts';
import type { Role } from '../../src/modules/accounts/index.ts';
import { buildApp } from '../../src/app.ts';
import { createColumn, createFixture, draftInput, publishedItem, type Fixture } from '../factories.ts';
import { loginAs, type TestSession } from '../helpers/http.ts';
import type { TestServices } from '../helpers/test-services.ts';
import { online } from '../requests/request-helpers.ts';

/** The users of the matrix: the fixture's work roles plus the two other administrators of 三员分立. */
export const ROLE_KEYS = [
  'drafter', 'departmentHead', 'confidentialityReviewer', 'leader', 'principalLeader', 'officer',
  'sysAdmin', 'securityAdmin', 'auditor',
] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

export type Which = 'own' | 'other' | 'none';

interface AgencyRecords {
  itemId: string;
  draftId: string;
  columnId: string;
  requestId: string;
  trackingCode: string;
  userId: string;
}

export interface SecurityWorld {
  app: FastifyInstance;
  fx: Fixture;
  sessions: Record<RoleKey, TestSession>;
  otherSessions: Record<RoleKey, TestSession>;
  own: AgencyRecords;
  other: AgencyRecords;
  /** Routes that answer requests (HEAD duplicates and the static file server left out). */
  routes: RouteEntry[];
}

async function adminUser(s: TestServices, agencyId: string, role: Role, tag: string) {
  const username = `${role.toLowerCase()}${tag}`;
  await s.accounts.createUser(systemActor('测试'), {
    agencyId, departmentId: null, username, displayName: role === 'auditor' ? '吴审计' : '郑安全', password: 'Fixture-pass-2025!',
    roles: [role], isPrincipalLeader: false, mustChangePassword: false,
  });
  return username;
}

async function records(s: TestServices, fx: Fixture, side: 'own' | 'other'): Promise<AgencyRecords> {
  const sideFx: Fixture = side === 'own' ? fx : {
    ...fx, agency: fx.otherAgency, departments: fx.otherDepartments, users: fx.otherUsers, actor: fx.otherActor,
  };
  const column = await createColumn(s, sideFx, side === 'own' ? '政策文件' : '规划信息');
  const item = await publishedItem(s, sideFx, column.id);
  const draft = await s.catalog.createDraft(sideFx.actor('drafter'), draftInput(column.id));
  const receipt = await s.requests.apply(online(sideFx.agency.id), '203.0.113.9');
  return {
    itemId: item.id, draftId: draft.id, columnId: column.id, requestId: receipt.requestId, trackingCode: receipt.trackingCode,
    userId: sideFx.users.drafter.id,
  };
}

export async function createSecurityWorld(s: TestServices): Promise<SecurityWorld> {
  const fx = await createFixture(s);
  const own = await records(s, fx, 'own');
  const other = await records(s, fx, 'other');
  const app = await buildApp(s);
  await app.ready();
  const extra = {
    own: { securityAdmin: await adminUser(s, fx.agency.id, 'securityAdmin', 'a'), auditor: await adminUser(s, fx.agency.id, 'auditor', 'a') },
    other: { securityAdmin: await adminUser(s, fx.otherAgency.id, 'securityAdmin', 'b'), auditor: await adminUser(s, fx.otherAgency.id, 'auditor', 'b') },
  };
  const sessions = {} as Record<RoleKey, TestSession>;
  const otherSessions = {} as Record<RoleKey, TestSession>;
  for (const key of ROLE_KEYS) {
    const mine = key === 'securityAdmin' || key === 'auditor' ? extra.own[key] : fx.users[key].username;
    const theirs = key === 'securityAdmin' || key === 'auditor' ? extra.other[key] : fx.otherUsers[key].username;
    sessions[key] = await loginAs(app, mine, fx.password);
    otherSessions[key] = await loginAs(app, theirs, fx.password);
  }
  const routes = app.routeTable.filter((r) => r.method !== 'HEAD' && r.url !== '/assets/*');
  return { app, fx, sessions, otherSessions, own, other, routes };
}

export const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** The record kind a `:param` names, from the path segment before it. */
function recordFor(recs: AgencyRecords | null, url: string, before: string, name: string): string {
  if (!recs) return newId();
  if (name === 'trackingCode') return recs.trackingCode;
  if (name !== 'id') return newId();
  switch (before) {
    // Only drafts are edited in place: the edit and upload routes (and the staff API's item) get the draft.
    case 'items': return /\/items\/:id\/(edit|attachments)$|^\/api\/v1\/staff\/items\/:id$/.test(url) ? recs.draftId : recs.itemId;
    case 'requests': return recs.requestId;
    case 'columns': return recs.columnId;
    case 'users': return recs.userId;
    default: return newId();
  }
}

const FIXED: Record<string, string> = { n: '1', verb: 'submit', kind: 'receipt', format: 'pdf', file: 'index.xml' };

/**
 * A concrete URL for a route pattern: ids of the own or the other agency's records where the
 * route names a record kind the harness creates, a fresh (unknown) ULID for other ids.
 */
export function concreteUrl(world: SecurityWorld, url: string, which: Which): string {
  const recs = which === 'own' ? world.own : which === 'other' ? world.other : null;
  const segments = url.split('/');
  return segments.map((seg, i) => {
    if (seg === '*') return 'x';
    return seg.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
      if (name in FIXED && name !== 'id') {
        if (name === 'file' && url.startsWith('/console/notices')) return 'x.docx';
        // A request verb (the office's, whose empty form is refused: nothing changes).
        if (name === 'verb' && url.includes('/requests/')) return 'requestCorrection';
        return FIXED[name];
      }
      return recordFor(recs, url, (segments[i - 1] ?? '').replace(/\..*$/, ''), name);
    });
  }).join('/');
}

/** Whether a route pattern names a record the harness has in both agencies. */
export function hasAgencyRecord(url: string): boolean {
  return /\/(items|requests|columns|users)\/:id(\/|$)/.test(url) && !url.startsWith('/api/v1/items') && !url.startsWith('/items/') && !url.startsWith('/columns/');
}
