// The world the route-table security tests run against: two agencies with one signed-in session
// per role each, records of every kind in both agencies (security-records.ts) and the rule that
// turns a route pattern into a concrete URL with the own agency's, the other agency's or no
// record's ids. Used by the authorisation matrix, the CSRF test and the fuzz test.
import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { systemActor } from '../../src/core/audit/audit.ts';
import { newId } from '../../src/core/ids.ts';
import type { RouteEntry } from '../../src/core/http/route-table.ts';
import type { Role } from '../../src/modules/accounts/index.ts';
import { buildApp } from '../../src/app.ts';
import { createColumn, createFixture, draftInput, type Fixture } from '../factories.ts';
import { loginAs, type TestSession } from '../helpers/http.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';
import { online } from '../requests/request-helpers.ts';
import { createAgencyRecords, type AgencyRecords } from './security-records.ts';

/** The users of the matrix: the fixture's work roles plus the two other administrators of 三员分立. */
export const ROLE_KEYS = [
  'drafter', 'departmentHead', 'confidentialityReviewer', 'leader', 'principalLeader', 'officer',
  'sysAdmin', 'securityAdmin', 'auditor',
] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

export type Which = 'own' | 'other' | 'none';
export type { AgencyRecords };

export interface SecurityWorld {
  app: FastifyInstance;
  fx: Fixture;
  sessions: Record<RoleKey, TestSession>;
  otherSessions: Record<RoleKey, TestSession>;
  own: AgencyRecords;
  other: AgencyRecords;
  /** A word of the (installation-wide) sensitive-word lexicon. */
  wordId: string;
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
  const draft = await s.catalog.createDraft(sideFx.actor('drafter'), draftInput(column.id));
  const receipt = await s.requests.apply(online(sideFx.agency.id), '203.0.113.9');
  return {
    ...await createAgencyRecords(s, sideFx, column.id),
    draftId: draft.id, columnId: column.id, requestId: receipt.requestId, trackingCode: receipt.trackingCode, userId: sideFx.users.drafter.id,
  };
}

/**
 * The world of a test file: fresh services and the world built in `before`, closed in `after`.
 * `onReady` hands them to the file's own variables (they exist only once the hook has run).
 */
export function useSecurityWorld(onReady: (world: SecurityWorld, services: TestServices) => Promise<void> | void): void {
  let services: TestServices | undefined;
  let world: SecurityWorld | undefined;
  before(async () => {
    services = await createTestServices();
    world = await createSecurityWorld(services);
    await onReady(world, services);
  });
  after(async () => {
    await world?.app.close();
    await services?.cleanup();
  });
}

export async function createSecurityWorld(s: TestServices): Promise<SecurityWorld> {
  const fx = await createFixture(s);
  const own = await records(s, fx, 'own');
  const other = await records(s, fx, 'other');
  const word = await s.privacy.addWord(fx.actor('sysAdmin'), { word: '内部测试用语', category: '其他' });
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
  return { app, fx, sessions, otherSessions, own, other, wordId: word.id, routes };
}

export const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

type Params = Record<string, string>;
/**
 * Which records a route's path parameters name, by the route pattern (first match). Each deletion
 * route has its own record so that no route removes what another one reads.
 */
const RECORD_RULES: [RegExp, (r: AgencyRecords, w: SecurityWorld, role?: RoleKey) => Params][] = [
  [/^\/console\/items\/:id\/(attachments\/:attachmentId\/(redact|pages)|findings\/)/, (r) => ({ id: r.reviewItemId, attachmentId: r.reviewAttachmentId, areaId: r.areaId, findingId: r.findingId })],
  [/^\/api\/v1\/staff\/items\/:id\/attachments\/:attachmentId$/, (r) => ({ id: r.itemId, attachmentId: r.spareAttachmentIds[0] })],
  [/^\/console\/items\/:id\/attachments\/:attachmentId\/delete$/, (r) => ({ id: r.itemId, attachmentId: r.spareAttachmentIds[1] })],
  [/^\/console\/attachments\/:attachmentId$|^\/(api\/v1\/(staff\/)?)?attachments\/:id$/, (r) => ({ id: r.attachmentId, attachmentId: r.attachmentId })],
  [/\/requests\/:id\/files$/, (r) => ({ id: r.draftingRequestId })],
  [/\/requests\/:id\/files\/:fileId\/redact\/marks\/:markId\/delete$/, (r, _w, role) => ({ id: r.draftingRequestId, fileId: r.replyFileId, markId: r.spareMarkIds[role === 'departmentHead' ? 1 : 0] })],
  [/\/requests\/:id\/files\/:fileId\/delete$/, (r, _w, role) => ({ id: r.draftingRequestId, fileId: r.spareReplyFileIds[role === 'departmentHead' ? 1 : 0] })],
  [/\/requests\/:id\/files\/:fileId/, (r) => ({ id: r.draftingRequestId, fileId: r.replyFileId })],
  [/\/requests\/:id\/challenges\/:challengeId/, (r) => ({ id: r.answeredRequestId, challengeId: r.challengeId })],
  [/\/requests\/:id\/attachments\/:attachmentId/, (r) => ({ id: r.attachedRequestId, attachmentId: r.applicationAttachmentId })],
  [/\/filings\/:id/, (r) => ({ id: r.filingId, rowId: r.filingRowId })],
  [/^\/api\/v1\/staff\/notices\/:id$/, (r) => ({ id: r.noticeId })],
  [/^\/console\/notices\/:file$/, (r) => ({ file: `${r.noticeId}.docx` })],
  [/\/(notifications|inbox)\/:id\//, (r) => ({ id: r.notificationId })],
  [/^\/console\/messages\/:id/, (r) => ({ id: r.messageId })],
  [/^\/console\/coordination\/:id/, (r) => ({ id: r.letterId })],
  [/^\/console\/reports\/:id/, (r) => ({ id: r.reportId })],
  [/^\/console\/tamper\/:id\//, (r) => ({ id: r.alertId })],
  [/^\/console\/tamper\/baselines\/:itemId\//, (r) => ({ itemId: r.itemId })],
  [/^\/console\/lexicon\/:wordId\//, (_r, w) => ({ wordId: w.wordId })],
];

/** The record kind a `:param` names, from the path segment before it. */
function recordFor(recs: AgencyRecords, url: string, before: string, name: string): string | undefined {
  if (name === 'trackingCode') return recs.trackingCode;
  if (name !== 'id') return undefined;
  switch (before) {
    // Only drafts are edited in place: the edit and upload routes (and the staff API's item) get the draft.
    case 'items': return /\/items\/:id\/(edit|attachments)$|^\/api\/v1\/staff\/items\/:id$/.test(url) ? recs.draftId : recs.itemId;
    case 'requests': return recs.requestId;
    case 'columns': return recs.columnId;
    case 'users': return recs.userId;
    default: return undefined;
  }
}

// Documents are asked for as DOCX: the PDF renderer is the slow one, and the route's rule is the same.
const FIXED: Params = { n: '1.png', verb: 'submit', kind: 'receipt', format: 'docx', file: 'index.xml', year: '2024' };

/** The value of every parameter of a route pattern, and whether each names a record the world has. */
function fill(world: SecurityWorld, url: string, which: Which, role?: RoleKey): { url: string; known: boolean; records: number } {
  const recs = which === 'own' ? world.own : which === 'other' ? world.other : null;
  const rule = recs ? RECORD_RULES.find(([re]) => re.test(url)) : undefined;
  const byRule = rule && recs ? rule[1](recs, world, role) : {};
  let known = true;
  let records = 0;
  const segments = url.split('/');
  const filled = segments.map((seg, i) => {
    if (seg === '*') return 'x';
    return seg.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
      if (byRule[name]) {
        records++;
        return byRule[name];
      }
      if (name in FIXED) {
        if (name === 'file' && url.startsWith('/console/notices')) return 'x.docx';
        // A request verb (the office's, whose empty form is refused: nothing changes).
        if (name === 'verb' && url.includes('/requests/')) return 'requestCorrection';
        return FIXED[name];
      }
      const id = recs ? recordFor(recs, url, (segments[i - 1] ?? '').replace(/\..*$/, ''), name) : undefined;
      if (id) {
        records++;
        return id;
      }
      known = false;
      return newId();
    });
  }).join('/');
  return { url: filled, known, records };
}

/**
 * A concrete URL for a route pattern: ids of the own or the other agency's records where the
 * route names a record kind the world has, a fresh (unknown) ULID for other ids. The role picks
 * its own record where a route removes one (each allowed role removes a different one).
 */
export function concreteUrl(world: SecurityWorld, url: string, which: Which, role?: RoleKey): string {
  return fill(world, url, which, role).url;
}

/** Whether every record a route pattern names exists in both agencies (so the own is found, the other's is 404). */
export function hasAgencyRecord(world: SecurityWorld, url: string): boolean {
  if (url.startsWith('/console/lexicon/')) return false;
  const { known, records } = fill(world, url, 'own');
  return known && records > 0;
}
