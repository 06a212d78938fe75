// The portal's read model: everything a public page shows, assembled from the accounts, catalog
// and search services. Only published, public-scope information reaches here (条例 第二十四条:
// the portal offers search, reading and download of what has been proactively disclosed).
import { AppError, notFound } from '../../core/errors.ts';
import { today, type Clock } from '../../core/time/clock.ts';
import type { AccountsService } from '../accounts/index.ts';
import type { CatalogService, ColumnNode, ItemDetail, ItemSummary, Page, Validity } from '../catalog/index.ts';
import type { SearchResult, SearchService } from '../search/index.ts';

export type Agency = NonNullable<Awaited<ReturnType<AccountsService['agency']>>>;

export interface PortalDeps {
  accounts: AccountsService;
  catalog: CatalogService;
  search: SearchService;
  clock: Clock;
}

/** What every portal page needs: the agency shown, its catalog tree and the links to carry. */
export interface PortalContext {
  agency: Agency;
  /** The `?agency=` value links must carry; null for the default (first) agency. */
  agencyParam: string | null;
  columns: ColumnNode[];
  /** Catalog columns the main navigation links to when the agency has them. */
  applyColumn: ColumnNode | null;
  reportsColumn: ColumnNode | null;
}

export const PORTAL_PAGE_SIZE = 20;
export const HOME_LATEST_COUNT = 10;

export interface ReadingRoom {
  name: string;
  address: string;
  hours: string;
}

export interface SearchFilters {
  q: string;
  column?: string;
  year?: number;
  validity?: Validity;
  page: number;
}

export function flattenColumns(nodes: ColumnNode[], depth = 0): { column: ColumnNode; depth: number }[] {
  return nodes.flatMap((column) => [{ column, depth }, ...flattenColumns(column.children, depth + 1)]);
}

/** The path from the root to a column (inclusive), or [] when it is not in the tree. */
export function columnPath(nodes: ColumnNode[], id: string): ColumnNode[] {
  for (const node of nodes) {
    if (node.id === id) return [node];
    const below = columnPath(node.children, id);
    if (below.length) return [node, ...below];
  }
  return [];
}

function findColumn(nodes: ColumnNode[], test: (name: string) => boolean): ColumnNode | null {
  return flattenColumns(nodes).find(({ column }) => test(column.name))?.column ?? null;
}

export function parseReadingRooms(json: string): ReadingRoom[] {
  try {
    const value: unknown = JSON.parse(json || '[]');
    if (!Array.isArray(value)) return [];
    return value
      .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
      .map((r) => ({ name: String(r.name ?? ''), address: String(r.address ?? ''), hours: String(r.hours ?? '') }))
      .filter((r) => r.name);
  } catch {
    return [];
  }
}

/** Only what is published and public is ever linked from the portal. */
const isPublic = (s: ItemSummary) => s.status === 'published' && s.scope === 'public';

export function createPortalService(deps: PortalDeps) {
  const { accounts, catalog, search, clock } = deps;

  async function contextFor(agency: Agency, defaultAgencyId: string): Promise<PortalContext> {
    const columns = await catalog.columnTree(agency.id);
    return {
      agency,
      agencyParam: agency.id === defaultAgencyId ? null : agency.code,
      columns,
      applyColumn: findColumn(columns, (n) => n.includes('依申请公开')),
      reportsColumn: findColumn(columns, (n) => n.includes('年报') || n.includes('年度报告')),
    };
  }

  async function defaultAgency(): Promise<Agency> {
    const first = await accounts.firstAgency();
    if (!first) throw new AppError(503, 'NOT_CONFIGURED', '网站尚未完成初始化，请稍后访问');
    return first;
  }

  return {
    /** The agency chosen by `?agency=` (code or credit code), else the first agency. */
    async context(agencyCode: string | undefined): Promise<PortalContext> {
      const first = await defaultAgency();
      if (!agencyCode) return contextFor(first, first.id);
      const chosen = await accounts.agencyByCode(agencyCode);
      if (!chosen) throw notFound('未找到该机关');
      return contextFor(chosen, first.id);
    },

    /** The context of a given agency (item and column pages use their own agency). */
    async contextOf(agencyId: string, current: PortalContext | null): Promise<PortalContext> {
      if (current && current.agency.id === agencyId) return current;
      const agency = await accounts.agency(agencyId);
      if (!agency) throw notFound();
      return contextFor(agency, (await defaultAgency()).id);
    },

    async home(ctx: PortalContext) {
      const [latest, subordinates] = await Promise.all([
        catalog.listPublished({ agencyId: ctx.agency.id, page: 1, pageSize: HOME_LATEST_COUNT }),
        accounts.childAgencies(ctx.agency.id),
      ]);
      return { latest: latest.items.filter(isPublic), subordinates };
    },

    async column(id: string, page: number, ctx?: PortalContext | null): Promise<{ column: ColumnNode; list: Page<ItemSummary> } | undefined> {
      // The request's context already holds its agency's tree: no second read for that agency.
      const known = ctx ? flattenColumns(ctx.columns).find(({ column: c }) => c.id === id)?.column : undefined;
      const column = known ?? (await catalog.column(id));
      if (!column) return undefined;
      const list = await catalog.listPublished({ agencyId: column.agencyId, columnId: column.id, page, pageSize: PORTAL_PAGE_SIZE });
      return { column, list: { ...list, items: list.items.filter(isPublic) } };
    },

    async item(id: string): Promise<ItemDetail | undefined> {
      const item = await catalog.getPublished(id);
      if (!item || !isPublic(item)) return undefined;
      return { ...item, interpretations: item.interpretations.filter(isPublic), interprets: item.interprets.filter(isPublic) };
    },

    attachment: (id: string) => catalog.getPublishedAttachment(id),

    async guide(ctx: PortalContext) {
      const [departments, parent] = await Promise.all([
        accounts.departments(ctx.agency.id),
        ctx.agency.parentAgencyId ? accounts.agency(ctx.agency.parentAgencyId) : Promise.resolve(undefined),
      ]);
      const office = departments.find((d) => d.isDisclosureOffice === 1);
      return {
        officeName: office ? office.name : '政务公开办公室',
        parentAgencyName: parent?.name ?? null,
        readingRooms: parseReadingRooms(ctx.agency.readingRooms),
      };
    },

    async search(ctx: PortalContext, filters: SearchFilters): Promise<SearchResult | null> {
      if (!filters.q) return null;
      return search.search({
        q: filters.q,
        agencyId: ctx.agency.id,
        columnId: filters.column,
        year: filters.year,
        validity: filters.validity,
        page: filters.page,
        pageSize: PORTAL_PAGE_SIZE,
      });
    },

    /** Years offered by the search filter: this year and the fourteen before it. */
    searchYears(): number[] {
      const year = Number(today(clock).slice(0, 4));
      return Array.from({ length: 15 }, (_, i) => year - i);
    },
  };
}

export type PortalService = ReturnType<typeof createPortalService>;
