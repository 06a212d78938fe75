// Test factory: two agencies (the one under test and an unrelated one), their departments and one
// user per role in each, created through services.accounts like a real installation would.
import { systemActor } from '../src/core/audit/audit.ts';
import { creditCodeCheckChar } from '../src/core/text/identifiers.ts';
import type { Role, SessionUser, StaffActor } from '../src/modules/accounts/index.ts';
import type { Services } from '../src/services.ts';

export const FIXTURE_PASSWORD = 'Fixture-pass-2025!';

export type FixtureUserKey =
  | 'drafter'
  | 'departmentHead'
  | 'confidentialityReviewer'
  | 'leader'
  | 'principalLeader'
  | 'officer'
  | 'sysAdmin';

type AgencyRow = NonNullable<Awaited<ReturnType<Services['accounts']['agency']>>>;
type DepartmentRow = Awaited<ReturnType<Services['accounts']['createDepartment']>>;

export interface FixtureDepartments {
  /** 办公室 (the disclosure office: officers sit here). */
  office: DepartmentRow;
  /** 国土空间规划科: drafter and department head sit here. */
  planning: DepartmentRow;
  /** 耕地保护科: a second ordinary department (for "other department" checks). */
  farmland: DepartmentRow;
}

export interface Fixture {
  agency: AgencyRow;
  otherAgency: AgencyRow;
  departments: FixtureDepartments;
  otherDepartments: FixtureDepartments;
  users: Record<FixtureUserKey, SessionUser>;
  otherUsers: Record<FixtureUserKey, SessionUser>;
  /** A StaffActor for a user of the agency under test. */
  actor(userKey: FixtureUserKey): StaffActor;
  /** A StaffActor for a user of the other agency. */
  otherActor(userKey: FixtureUserKey): StaffActor;
  password: string;
}

/** A valid 18-character unified social credit code built from a 17-character body. */
export function creditCodeFrom(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}

let fixtureCounter = 0;

const USER_SPECS: Record<FixtureUserKey, { roles: Role[]; dept: keyof FixtureDepartments | null; principal?: boolean; name: string }> = {
  drafter: { roles: ['drafter'], dept: 'planning', name: '张经办' },
  departmentHead: { roles: ['departmentHead'], dept: 'planning', name: '李科长' },
  confidentialityReviewer: { roles: ['confidentialityReviewer'], dept: 'office', name: '王保密' },
  leader: { roles: ['leader'], dept: null, name: '赵分管' },
  principalLeader: { roles: ['leader'], dept: null, principal: true, name: '钱局长' },
  officer: { roles: ['officer'], dept: 'office', name: '孙公开' },
  sysAdmin: { roles: ['sysAdmin'], dept: null, name: '周管理' },
};

async function buildAgency(services: Services, n: number, suffix: string, name: string) {
  const actor = systemActor('测试');
  // 17-character body: an agency-type prefix, a region code and a running number.
  const body = `11360700${String(n).padStart(3, '0')}${suffix}00000`.slice(0, 17);
  const agency = await services.accounts.createAgency(actor, {
    code: `fx${n}-${suffix.toLowerCase()}`,
    name,
    shortName: name.slice(0, 6),
    creditCode: creditCodeFrom(body),
  });
  const departments: FixtureDepartments = {
    office: await services.accounts.createDepartment(actor, agency.id, '办公室', { isDisclosureOffice: true, sortOrder: 1 }),
    planning: await services.accounts.createDepartment(actor, agency.id, '国土空间规划科', { sortOrder: 2 }),
    farmland: await services.accounts.createDepartment(actor, agency.id, '耕地保护科', { sortOrder: 3 }),
  };
  const users = {} as Record<FixtureUserKey, SessionUser>;
  for (const key of Object.keys(USER_SPECS) as FixtureUserKey[]) {
    const spec = USER_SPECS[key];
    const username = `${key.toLowerCase()}${n}${suffix.toLowerCase()}`;
    const departmentId = spec.dept ? departments[spec.dept].id : null;
    const created = await services.accounts.createUser(actor, {
      agencyId: agency.id,
      departmentId,
      username,
      displayName: spec.name,
      password: FIXTURE_PASSWORD,
      roles: spec.roles,
      isPrincipalLeader: spec.principal ?? false,
      mustChangePassword: false,
    });
    users[key] = {
      id: created.id, username, displayName: spec.name, agencyId: agency.id, departmentId,
      roles: spec.roles, isPrincipalLeader: spec.principal ?? false, mustChangePassword: false,
    };
  }
  const row = await services.accounts.agency(agency.id);
  if (!row) throw new Error('fixture agency missing');
  return { agency: row, departments, users };
}

/** Creates two agencies with departments and one user per role each; call once per test file (or per test). */
export async function createFixture(services: Services): Promise<Fixture> {
  const n = ++fixtureCounter;
  const main = await buildAgency(services, n, 'A', '赣州市自然资源局');
  const other = await buildAgency(services, n, 'B', '瑞金市自然资源局');
  return {
    agency: main.agency,
    otherAgency: other.agency,
    departments: main.departments,
    otherDepartments: other.departments,
    users: main.users,
    otherUsers: other.users,
    actor: (key) => ({ user: main.users[key], ip: '127.0.0.1' }),
    otherActor: (key) => ({ user: other.users[key], ip: '127.0.0.1' }),
    password: FIXTURE_PASSWORD,
  };
}

// ---- Catalog helpers (columns, drafts, moving an item through the review workflow) ----

import type { ColumnInput, ItemDetail, ItemDraftInput, ItemStatus } from '../src/modules/catalog/index.ts';

let columnCounter = 0;

/** Creates a column in the fixture's agency (as its officer). */
export async function createColumn(services: Services, fx: Fixture, name = '政策文件', extra: Partial<ColumnInput> = {}) {
  return services.catalog.createColumn(fx.actor('officer'), {
    parentId: null, code: `col-${++columnCounter}`, name, description: '', sortOrder: columnCounter, updateIntervalDays: null,
    departmentIds: [fx.departments.planning.id], ...extra,
  });
}

export function draftInput(columnId: string, extra: Partial<ItemDraftInput> = {}): ItemDraftInput {
  return {
    columnId, title: '关于做好2025年度征地补偿安置工作的通知', docNumber: '赣市自然资规〔2025〕3号', issuers: [], writtenOn: '2025-09-26',
    topic: '国土资源、能源', summary: '征地补偿安置工作的要求。', bodyHtml: '<p>各县（市、区）自然资源局：</p><p>现就征地补偿安置工作通知如下。</p>',
    disclosureMode: 'proactive', disclosureModeReason: '', scope: 'public', validity: 'inForce', isMajor: false, interpretsItemIds: [],
    ...extra,
  };
}

const PATH: { status: ItemStatus; who: FixtureUserKey; verb: 'submit' | 'approve' | 'publish' }[] = [
  { status: 'draft', who: 'drafter', verb: 'submit' },
  { status: 'departmentReview', who: 'departmentHead', verb: 'approve' },
  { status: 'confidentialityReview', who: 'confidentialityReviewer', verb: 'approve' },
  { status: 'leaderApproval', who: 'leader', verb: 'approve' },
  { status: 'principalApproval', who: 'principalLeader', verb: 'approve' },
  { status: 'officeCheck', who: 'officer', verb: 'publish' },
];

/** Moves an item forward through the workflow (with the right person at each step) until `target`. */
export async function advanceTo(services: Services, fx: Fixture, itemId: string, target: ItemStatus): Promise<ItemDetail> {
  let item = await services.catalog.getForStaff(fx.actor('officer'), itemId);
  while (item.status !== target) {
    const step = PATH.find((p) => p.status === item.status);
    if (!step) throw new Error(`cannot advance from ${item.status} to ${target}`);
    item = await services.review.act(fx.actor(step.who), itemId, step.verb, { opinion: '同意', basis: '' });
  }
  return item;
}

/** A draft by the fixture's drafter, taken through the whole workflow to published. */
export async function publishedItem(services: Services, fx: Fixture, columnId: string, extra: Partial<ItemDraftInput> = {}): Promise<ItemDetail> {
  const draft = await services.catalog.createDraft(fx.actor('drafter'), draftInput(columnId, extra));
  return advanceTo(services, fx, draft.id, 'published');
}
