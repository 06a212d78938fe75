// Response and request shapes of the catalog's JSON API (zod: validated in and out, and the
// OpenAPI document is generated from them).
import { z } from 'zod';
import { DISCLOSURE_MODES, ITEM_STATUSES, SCOPES, VALIDITIES } from './catalog.contract.ts';
import { columnInput, itemDraftInput } from './catalog.schemas.ts';

export const idParams = z.object({ id: z.string().min(1).max(64) });

export const publicItemSummary = z.object({
  id: z.string(),
  indexNumber: z.string().nullable(),
  title: z.string(),
  docNumber: z.string(),
  columnId: z.string(),
  columnName: z.string(),
  writtenOn: z.string().nullable(),
  publishedOn: z.string().nullable(),
  validity: z.enum(VALIDITIES),
});

export const attachmentInfo = z.object({ id: z.string(), filename: z.string(), mediaType: z.string(), size: z.number(), sha256: z.string() });

export const publicItemDetail = publicItemSummary.extend({
  issuers: z.array(z.string()),
  topic: z.string(),
  summary: z.string(),
  bodyText: z.string(),
  /** Sanitised by the catalog. */
  bodyHtml: z.string(),
  repealedOn: z.string().nullable(),
  version: z.number(),
  attachments: z.array(attachmentInfo),
  interpretations: z.array(publicItemSummary),
  interprets: z.array(publicItemSummary),
});

export const staffItemSummary = publicItemSummary.extend({
  agencyId: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  status: z.enum(ITEM_STATUSES),
  scope: z.enum(SCOPES),
  isMajor: z.boolean(),
  publishDueOn: z.string().nullable(),
  repealNoticeDueOn: z.string().nullable(),
  updatedAt: z.string(),
});

export const staffItemDetail = staffItemSummary.extend({
  issuers: z.array(z.string()),
  topic: z.string(),
  summary: z.string(),
  bodyHtml: z.string(),
  bodyText: z.string(),
  disclosureMode: z.enum(DISCLOSURE_MODES),
  disclosureModeReason: z.string(),
  repealNoticeForItemId: z.string().nullable(),
  repealedOn: z.string().nullable(),
  version: z.number(),
  attachments: z.array(attachmentInfo),
  interpretations: z.array(staffItemSummary),
  interprets: z.array(staffItemSummary),
  versions: z.array(z.object({ version: z.number(), createdAt: z.string() })),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number(), page: z.number() });

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export interface ColumnNodeShape {
  id: string;
  agencyId: string;
  parentId: string | null;
  code: string;
  name: string;
  description: string;
  sortOrder: number;
  updateIntervalDays: number | null;
  departmentIds: string[];
  children: ColumnNodeShape[];
}
export const columnNode: z.ZodType<ColumnNodeShape> = z.lazy(() =>
  z.object({
    id: z.string(), agencyId: z.string(), parentId: z.string().nullable(), code: z.string(), name: z.string(), description: z.string(),
    sortOrder: z.number(), updateIntervalDays: z.number().nullable(), departmentIds: z.array(z.string()), children: z.array(columnNode),
  }),
);

// Request bodies: the same schemas the service applies (with their defaults).
export const itemBody = itemDraftInput;
export const columnBody = columnInput;
export const reviseBody = z.object({ item: itemDraftInput, reason: z.string() });
export const repealBody = z.object({ repealedOn: z.string(), reason: z.string() });
