// Reads: the public catalog (published AND public scope only), staff views within the actor's
// agency, and the column tree. Lists are newest published first (publishedOn desc, id desc),
// served by the (column|agency, status, publishedOn, id) indexes.
import { assertCanReadContent } from './catalog.policy.ts';
import { requireSameAgency } from '../../core/authz/authz.ts';
import type { DbOrTrx } from '../../core/db/database.ts';
import type { ColumnTable } from '../../core/db/schema.ts';
import { notFound } from '../../core/errors.ts';
import type { StaffActor } from '../accounts/index.ts';
import { redactedCopyOf } from '../privacy/index.ts';
import type { AttachmentInfo, ColumnNode, ItemDetail, ItemSummary, Page, PublicListQuery, StaffListQuery } from './catalog.contract.ts';
import type { CatalogDeps } from './catalog.deps.ts';
import { buildColumnTree, parseIssuers, toSummary } from './catalog.mapping.ts';
import { catalogRepository, type ItemRow } from './catalog.repository.ts';

const isPublic = (row: { status: string; scope: string }) => row.status === 'published' && row.scope === 'public';

export const clampPage = (page: number, pageSize: number) => ({
  page: Math.max(1, Math.floor(page) || 1),
  pageSize: Math.min(100, Math.max(1, Math.floor(pageSize) || 20)),
});

export function createItemQueries(deps: CatalogDeps) {
  const { db, files } = deps;
  const repo = () => catalogRepository(db);

  /** One read: every page of the portal shows the tree, so it must stay a single query. */
  async function columnTree(agencyId: string): Promise<ColumnNode[]> {
    const rows = await repo().columnsWithDepartmentsOf(agencyId);
    const columns = new Map<string, ColumnTable>();
    const links: { columnId: string; departmentId: string }[] = [];
    for (const { departmentId, ...column } of rows) {
      if (!columns.has(column.id)) columns.set(column.id, column);
      if (departmentId) links.push({ columnId: column.id, departmentId });
    }
    return buildColumnTree([...columns.values()], links);
  }

  /** The column with its descendants (for "this column and below" lists): one read of ids and parents. */
  async function columnScope(columnId: string, agencyId?: string): Promise<string[]> {
    const family = await repo().columnFamilyOf(columnId);
    if (family.length === 0 || (agencyId && family[0]!.agencyId !== agencyId)) return [];
    const children = new Map<string, string[]>();
    for (const c of family) if (c.parentId) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
    const out: string[] = [];
    const walk = (id: string) => {
      out.push(id);
      (children.get(id) ?? []).forEach(walk);
    };
    walk(columnId);
    return out;
  }

  async function detailOf(r: ReturnType<typeof catalogRepository>, row: ItemRow, publicOnly: boolean): Promise<ItemDetail> {
    const linked = (rows: ItemRow[]) => rows.filter((x) => !publicOnly || isPublic(x)).map(toSummary);
    // Independent reads: concurrent on PostgreSQL (one round trip of latency instead of four).
    const [attachmentRows, links, versions] = await Promise.all([r.attachmentsOf(row.id), r.linkedItems(row.id), r.versionsOf(row.id)]);
    // A link row whose policy is this item is an interpretation of it; otherwise this item interprets it.
    const interpretations = links.filter((l) => l.linkPolicyItemId === row.id);
    const interprets = links.filter((l) => l.linkPolicyItemId !== row.id);
    // The public is shown the file it downloads: the redacted copy where one was made (区分处理, 第三十七条).
    const attachments = await Promise.all(attachmentRows.map(async ({ id, filename, mediaType, size, sha256 }) => {
      const copy = publicOnly ? await redactedCopyOf(db, id) : undefined;
      return { id, filename, mediaType, size: Number(copy?.size ?? size), sha256: copy?.sha256 ?? sha256 };
    }));
    return {
      ...toSummary(row),
      issuers: parseIssuers(row.issuers),
      topic: row.topic,
      summary: row.summary,
      // The public sees the de-identified copy when screening masked something (privacy module).
      bodyHtml: publicOnly ? (row.publicBodyHtml ?? row.bodyHtml) : row.bodyHtml,
      bodyText: publicOnly ? (row.publicBodyText ?? row.bodyText) : row.bodyText,
      disclosureMode: row.disclosureMode,
      disclosureModeReason: row.disclosureModeReason,
      repealNoticeForItemId: row.repealNoticeForItemId,
      repealedOn: row.repealedOn,
      version: row.version,
      attachments,
      interpretations: linked(interpretations),
      interprets: linked(interprets),
      versions: versions.map((v) => ({ version: Number(v.version), createdAt: v.createdAt })),
      createdBy: row.createdBy,
      createdAt: row.createdAt,
    };
  }

  async function staffItem(actor: StaffActor, id: string, trx: DbOrTrx = db): Promise<ItemRow> {
    const row = await catalogRepository(trx).itemById(id);
    requireSameAgency(actor.user, row);
    assertCanReadContent(actor.user);
    return row!;
  }

  return {
    columnTree,
    columnScope,
    detailOf,
    staffItem,

    async column(id: string): Promise<ColumnNode | undefined> {
      const row = await repo().columnById(id);
      if (!row) return undefined;
      const find = (nodes: ColumnNode[]): ColumnNode | undefined => nodes.find((n) => n.id === id) ?? nodes.map((n) => find(n.children)).find(Boolean);
      return find(await columnTree(row.agencyId));
    },

    async listPublished(query: PublicListQuery): Promise<Page<ItemSummary>> {
      const { page, pageSize } = clampPage(query.page, query.pageSize);
      const r = repo();
      const offset = (page - 1) * pageSize;
      if (!query.columnId) {
        // The agency's newest first is one range of items_agency_public_idx; the total comes
        // from the trigger-kept per-column counts (migration 20261122020000).
        const filter = { agencyId: query.agencyId, publicOnly: true };
        const [rows, total] = await Promise.all([r.listItems(filter, 'published', pageSize, offset), r.publicCount({ agencyId: query.agencyId })]);
        return { items: rows.map(toSummary), total, page, pageSize };
      }
      const columnIds = await columnScope(query.columnId, query.agencyId);
      const [ids, total] = await Promise.all([r.publicIdsInColumns(columnIds, pageSize, offset), r.publicCount({ columnIds })]);
      const byId = new Map((await r.summaryRowsByIds(ids)).map((row) => [row.id, row]));
      const rows = ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
      return { items: rows.map(toSummary), total, page, pageSize };
    },

    async getPublished(id: string): Promise<ItemDetail | undefined> {
      const r = repo();
      const row = await r.itemById(id);
      if (!row || !isPublic(row)) return undefined;
      return detailOf(r, row, true);
    },

    async publishedSummaries(ids: string[]): Promise<ItemSummary[]> {
      const rows = (await repo().itemRowsByIds(ids)).filter(isPublic);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.flatMap((id) => (byId.has(id) ? [toSummary(byId.get(id)!)] : []));
    },

    async getPublishedAttachment(attachmentId: string): Promise<{ info: AttachmentInfo; bytes: Buffer } | undefined> {
      const r = repo();
      const att = await r.attachmentById(attachmentId);
      const row = att ? await r.itemById(att.itemId) : undefined;
      if (!att || !row || !isPublic(row)) return undefined;
      // The public gets the redacted copy when a reviewer made one (区分处理, 第三十七条); the original stays private.
      const copy = await redactedCopyOf(db, att.id);
      const file = copy ?? { sha256: att.sha256, size: att.size };
      return { info: { id: att.id, filename: att.filename, mediaType: att.mediaType, size: Number(file.size), sha256: file.sha256 }, bytes: await files.get(file.sha256) };
    },

    async getForStaff(actor: StaffActor, id: string): Promise<ItemDetail> {
      const row = await staffItem(actor, id);
      return detailOf(repo(), row, false);
    },

    async listForStaff(actor: StaffActor, query: StaffListQuery): Promise<Page<ItemSummary>> {
      assertCanReadContent(actor.user);
      const { page, pageSize } = clampPage(query.page, query.pageSize);
      const columnIds = query.columnId ? await columnScope(query.columnId, actor.user.agencyId) : undefined;
      const filter = { agencyId: actor.user.agencyId, columnIds, statuses: query.status ? [query.status] : undefined, q: query.q?.trim() || undefined };
      const r = repo();
      const [rows, total] = await Promise.all([r.listItems(filter, 'updated', pageSize, (page - 1) * pageSize), r.countItems(filter)]);
      return { items: rows.map(toSummary), total, page, pageSize };
    },

    async getAttachmentForStaff(actor: StaffActor, attachmentId: string): Promise<{ info: AttachmentInfo; bytes: Buffer }> {
      const r = repo();
      const att = await r.attachmentById(attachmentId);
      if (!att) throw notFound();
      await staffItem(actor, att.itemId);
      return { info: { id: att.id, filename: att.filename, mediaType: att.mediaType, size: Number(att.size), sha256: att.sha256 }, bytes: await files.get(att.sha256) };
    },
  };
}

export type ItemQueries = ReturnType<typeof createItemQueries>;
