// Rows → the contract's shapes. No logic beyond presentation of stored values.
import type { ColumnTable } from '../../core/db/schema.ts';
import type { ColumnNode, ItemStatus, ItemSummary, WorkflowItem } from './catalog.contract.ts';
import type { ItemRow } from './catalog.repository.ts';

/** The columns a summary shows: lists read only these (no bodies). */
export const SUMMARY_COLUMNS = [
  'id', 'agencyId', 'columnId', 'departmentId', 'status', 'indexNumber', 'title', 'docNumber', 'writtenOn', 'publishedOn',
  'validity', 'scope', 'isMajor', 'publishDueOn', 'repealNoticeDueOn', 'updatedAt', 'isClarification',
] as const;
export type SummaryRow = Pick<ItemRow, (typeof SUMMARY_COLUMNS)[number] | 'columnName' | 'departmentName'>;

export function toSummary(row: SummaryRow): ItemSummary {
  const published = row.status === 'published' || row.status === 'takenDown';
  return {
    id: row.id,
    agencyId: row.agencyId,
    columnId: row.columnId,
    columnName: row.columnName,
    departmentId: row.departmentId,
    departmentName: row.departmentName,
    status: row.status as ItemStatus,
    indexNumber: row.indexNumber,
    title: row.title,
    docNumber: row.docNumber,
    writtenOn: row.writtenOn,
    publishedOn: row.publishedOn,
    validity: row.validity,
    scope: row.scope,
    isMajor: row.isMajor === 1,
    // 澄清 items take the fast review path and are labelled as such (office-records module).
    isClarification: Number(row.isClarification ?? 0) === 1,
    // The row keeps the due date (was it published on time?); the summary shows it only while open.
    publishDueOn: published ? null : row.publishDueOn,
    repealNoticeDueOn: row.repealNoticeDueOn,
    updatedAt: row.updatedAt,
  };
}

export function toWorkflowItem(row: ItemRow): WorkflowItem {
  return {
    ...toSummary(row),
    summary: row.summary,
    disclosureMode: row.disclosureMode,
    approvedOn: row.approvedOn,
    repealedOn: row.repealedOn,
  };
}

export function parseIssuers(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

/** Builds the column tree of one agency from its flat rows. */
export function buildColumnTree(rows: ColumnTable[], links: { columnId: string; departmentId: string }[]): ColumnNode[] {
  const nodes = new Map<string, ColumnNode>();
  for (const r of rows)
    nodes.set(r.id, {
      id: r.id, agencyId: r.agencyId, parentId: r.parentId, code: r.code, name: r.name, description: r.description,
      sortOrder: r.sortOrder, updateIntervalDays: r.updateIntervalDays,
      departmentIds: links.filter((l) => l.columnId === r.id).map((l) => l.departmentId), children: [],
    });
  const roots: ColumnNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The column and all its descendants' ids. */
export function descendantIds(tree: ColumnNode[], columnId: string): string[] {
  const find = (nodes: ColumnNode[]): ColumnNode | undefined => {
    for (const n of nodes) {
      if (n.id === columnId) return n;
      const hit = find(n.children);
      if (hit) return hit;
    }
    return undefined;
  };
  const start = find(tree);
  if (!start) return [];
  const out: string[] = [];
  const walk = (n: ColumnNode) => {
    out.push(n.id);
    n.children.forEach(walk);
  };
  walk(start);
  return out;
}
