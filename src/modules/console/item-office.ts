// What the item record page shows of the office records (office-records module): the
// clarification facts (澄清) and whether the user may mark the draft, the release coordination
// letters' state (发布协调, 条例 第十一条) and the reading-room rows (查阅场所, 条例 第二十五条).
// Also the mark form's mapping: the corrected item may be typed as its 索引号 or its id.
import { hasRole, type StaffActor } from '../accounts/index.ts';
import type { ItemDetail } from '../catalog/catalog.contract.ts';
import type { ClarificationDetail, ClarificationInput, ProvisionRow, ReleaseCoordination } from '../office-records/index.ts';
import type { Services } from '../../services.ts';
import type { FormValues } from './console.layout.tsx';
import { value } from './console.layout.tsx';

export interface ItemOfficeView {
  clarification: ClarificationDetail | null;
  /** A draft of the user's own department, or any draft for the office. */
  canMark: boolean;
  letters: number;
  /** The earliest-due pending letter, if any: publication waits for it. */
  openLetter: ReleaseCoordination | null;
  rooms: ProvisionRow[];
}

/** Same rule as the clarifications service: the item's own department or the office. */
export function mayMarkClarification(actor: StaffActor, item: Pick<ItemDetail, 'status' | 'departmentId'>): boolean {
  const own = hasRole(actor.user, 'drafter', 'departmentHead') && actor.user.departmentId === item.departmentId;
  return item.status === 'draft' && (own || hasRole(actor.user, 'officer'));
}

export async function loadItemOffice(services: Services, actor: StaffActor, item: ItemDetail): Promise<ItemOfficeView> {
  const { clarifications, coordination, readingRooms } = services.officeRecords;
  const [clarification, letters, rooms] = await Promise.all([
    item.isClarification ? clarifications.forStaff(actor, item.id) : Promise.resolve(null),
    coordination.list(actor, item.id),
    readingRooms.ofItem(actor, item.id),
  ]);
  const pending = letters.filter((l) => l.outcome === 'pending').sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  return { clarification, canMark: mayMarkClarification(actor, item), letters: letters.length, openLetter: pending[0] ?? null, rooms };
}

/** The form's values as they were last saved, for the first display of the form. */
export function clarificationValues(c: ClarificationDetail | null): FormValues {
  if (!c) return {};
  return { correctsItem: c.correctsItemId ?? '', circulatingInfo: c.circulatingInfo, circulatingUrl: c.circulatingUrl };
}

/**
 * The typed 索引号 becomes the item's id when one of the agency's published items has exactly
 * that index number; anything else is passed on as an id for the service to check.
 */
export async function clarificationInputOf(services: Services, actor: StaffActor, values: FormValues): Promise<ClarificationInput> {
  const typed = value(values, 'correctsItem').trim();
  let correctsItemId: string | null = typed || null;
  if (typed) {
    const found = await services.catalog.listForStaff(actor, { status: 'published', q: typed, page: 1, pageSize: 20 });
    const exact = found.items.find((i) => i.indexNumber === typed);
    if (exact) correctsItemId = exact.id;
  }
  return { correctsItemId, circulatingInfo: value(values, 'circulatingInfo'), circulatingUrl: value(values, 'circulatingUrl').trim() };
}
