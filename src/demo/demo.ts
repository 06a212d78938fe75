// Demo content for a first start outside production (src/server.ts): a city bureau and two
// county bureaus with departments, one account per role, a catalog tree and a few hundred items
// at every step of the workflow. Everything goes through the services, so the audit chain,
// review records, index numbers and search index are real.
import { systemActor } from '../core/audit/audit.ts';
import { today } from '../core/time/clock.ts';
import { addCalendarDays } from '../core/time/dates.ts';
import type { SessionUser, StaffActor } from '../modules/accounts/index.ts';
import type { Services } from '../services.ts';
import { agencyItems, planItems } from './demo-catalog.ts';
import { COUNTY_DEPARTMENT, DEMO_COLUMNS, type DemoColumn } from './demo-columns.ts';
import { createContext, workingDaysBetween, type DemoOrg } from './demo-content.ts';
import { loadDemoRequests } from './demo-requests.ts';
import { loadAgencyItems, type AgencyStaff, type AgencyTarget } from './demo-flow.ts';
import { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_USERS, type DemoAgency, type DemoAgencyKey } from './demo-org.ts';

export { DEMO_PASSWORD } from './demo-org.ts';

const TOWNSHIPS: Record<DemoAgencyKey, string[]> = {
  city: ['城东街道', '蓉江街道', '南康镇', '沙河镇', '水西镇', '潭口镇', '湖边镇', '凤岗镇'],
  'county-a': ['城关镇', '龙布镇', '梅林镇', '安西镇', '古陂镇'],
  'county-b': ['长安街道', '白云街道', '水东镇', '河埠镇'],
};
const PLACES: Record<DemoAgencyKey, string> = { city: '示例市', 'county-a': '示例县', 'county-b': '示例区' };
const SEEDS: Record<DemoAgencyKey, number> = { city: 2025, 'county-a': 11, 'county-b': 12 };
/** Items are dated from 2024 (or the last 1000 days) up to yesterday. */
const EARLIEST = '2024-01-02';

interface LoadedAgency {
  def: DemoAgency;
  id: string;
  departments: Map<string, string>;
}

async function createAgencies(services: Services): Promise<Map<DemoAgencyKey, LoadedAgency>> {
  const setup = systemActor('演示数据');
  const out = new Map<DemoAgencyKey, LoadedAgency>();
  for (const def of DEMO_AGENCIES) {
    const parentAgencyId = def.key === 'city' ? null : (out.get('city')?.id ?? null);
    const agency = await services.accounts.createAgency(setup, { ...def.input, parentAgencyId });
    const departments = new Map<string, string>();
    for (const [i, d] of def.departments.entries()) {
      const row = await services.accounts.createDepartment(setup, agency.id, d.name, { isDisclosureOffice: d.isDisclosureOffice, sortOrder: i + 1 });
      departments.set(d.name, row.id);
    }
    out.set(def.key, { def, id: agency.id, departments });
  }
  return out;
}

async function createUsers(services: Services, agencies: Map<DemoAgencyKey, LoadedAgency>): Promise<Map<string, StaffActor>> {
  const setup = systemActor('演示数据');
  const actors = new Map<string, StaffActor>();
  for (const u of DEMO_USERS) {
    const agency = agencies.get(u.agency);
    if (!agency) throw new Error(`demo: no agency ${u.agency}`);
    const departmentId = u.department ? (agency.departments.get(u.department) ?? null) : null;
    const created = await services.accounts.createUser(setup, {
      agencyId: agency.id, departmentId, username: u.username, displayName: u.displayName, password: DEMO_PASSWORD,
      roles: u.roles, isPrincipalLeader: u.isPrincipalLeader ?? false, mustChangePassword: false,
    });
    const user: SessionUser = {
      id: created.id, username: u.username, displayName: u.displayName, agencyId: agency.id, departmentId,
      roles: u.roles, isPrincipalLeader: u.isPrincipalLeader ?? false, mustChangePassword: false,
    };
    actors.set(u.username, { user, ip: '127.0.0.1' });
  }
  return actors;
}

async function createColumns(services: Services, officer: StaffActor, agency: LoadedAgency, city: boolean): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const deptIds = (names: string[]) => [...new Set(names.map((n) => (city ? n : COUNTY_DEPARTMENT[n])))]
    .map((n) => agency.departments.get(n)).filter((x): x is string => Boolean(x));
  const create = async (col: DemoColumn, parentId: string | null, sortOrder: number) => {
    const node = await services.catalog.createColumn(officer, {
      parentId, code: col.code, name: col.name, description: col.description, sortOrder, updateIntervalDays: col.updateIntervalDays, departmentIds: deptIds(col.departments),
    });
    ids.set(col.code, node.id);
    for (const [i, child] of (col.children ?? []).entries()) await create(child, node.id, (i + 1) * 10);
  };
  for (const [i, col] of DEMO_COLUMNS.entries()) await create(col, null, (i + 1) * 10);
  return ids;
}

function staffOf(actors: Map<string, StaffActor>, key: DemoAgencyKey): AgencyStaff {
  const get = (username: string) => {
    const a = actors.get(username);
    if (!a) throw new Error(`demo: no user ${username}`);
    return a;
  };
  const inDept = (role: 'drafter' | 'departmentHead', department: string) => {
    const u = DEMO_USERS.find((x) => x.agency === key && x.department === department && x.roles.includes(role));
    if (!u) throw new Error(`demo: no ${role} in ${key}/${department}`);
    return get(u.username);
  };
  const county = key !== 'city';
  return {
    drafter: (d) => inDept('drafter', d),
    head: (d) => inDept('departmentHead', d),
    secrecy: get(county ? `${key}-secrecy` : 'secrecy'),
    leader: get(county ? `${key}-leader` : 'leader'),
    principal: get(county ? `${key}-leader` : 'principal'),
    officer: get(county ? `${key}-officer` : 'officer'),
  };
}

const hasStaff = (key: DemoAgencyKey, department: string) =>
  ['drafter', 'departmentHead'].every((role) => DEMO_USERS.some((u) => u.agency === key && u.department === department && u.roles.includes(role as 'drafter')));

export interface DemoSummary {
  password: string;
  users: { username: string; label: string }[];
  items: number;
  requests: number;
}

export async function loadDemo(services: Services): Promise<DemoSummary> {
  const calendar = await services.calendar.get();
  const yesterday = addCalendarDays(today(services.clock), -1);
  const earliest = [EARLIEST, addCalendarDays(yesterday, -1000)].sort()[1];
  // Every date must leave its 20-working-day publication deadline inside the calendar's years
  // (late in a year whose successor is not yet published, the newest dates are left out).
  const days = workingDaysBetween(calendar, earliest, yesterday).filter((d) => calendar.covers(Number(addCalendarDays(d, 45).slice(0, 4))));
  if (days.length < 100) throw new Error(`演示数据需要 ${earliest} 至 ${yesterday} 的工作日历，请先补充节假日安排`);
  const agencies = await createAgencies(services);
  const actors = await createUsers(services, agencies);
  let items = 0;
  let requests = 0;
  for (const agency of agencies.values()) {
    const key = agency.def.key;
    const city = key === 'city';
    const staff = staffOf(actors, key);
    const columns = await createColumns(services, staff.officer, agency, city);
    const org: DemoOrg = {
      name: agency.def.input.name, shortName: agency.def.input.shortName, docPrefix: agency.def.docPrefix, place: PLACES[key],
      address: agency.def.input.address ?? '', phone: agency.def.input.phone ?? '', townships: TOWNSHIPS[key], leaders: agency.def.leaders,
    };
    const ctx = createContext(org, days, SEEDS[key]);
    const departmentName = (n: string) => (city ? n : COUNTY_DEPARTMENT[n]);
    const planned = planItems(ctx, agencyItems(ctx, city ? 1 : 0.1), { city, canFlow: (d) => hasStaff(key, departmentName(d)) });
    const target: AgencyTarget = { agencyId: agency.id, issuer: org.name, columns, departments: agency.departments, departmentName, staff };
    items += await loadAgencyItems(services, target, planned);
    if (city)
      requests = await loadDemoRequests(services, {
        officer: staff.officer, drafter: staff.drafter('土地利用科'), departmentId: agency.departments.get('土地利用科')!, receivedDays: days,
      });
  }
  return { password: DEMO_PASSWORD, users: DEMO_USERS.map((u) => ({ username: u.username, label: u.label })), items, requests };
}
