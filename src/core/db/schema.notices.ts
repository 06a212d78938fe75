// Row types: notice templates, issued notices and their counters (migration 20261122050200). See schema.ts for the conventions.
export interface NoticeTemplateTable {
  agencyId: string;
  /** A NOTICE_KINDS value. */
  kind: string;
  title: string;
  /** Paragraphs separated by blank lines, with {placeholder}s. */
  body: string;
  updatedBy: string;
  updatedAt: string;
}

export interface NoticeCounterTable {
  agencyId: string;
  year: number;
  lastNumber: number;
}

export interface NoticeTable {
  id: string;
  agencyId: string;
  requestId: string | null;
  kind: string;
  /** 赣州自然资源公开〔2026〕12号 */
  number: string;
  year: number;
  serial: number;
  title: string;
  recipient: string;
  /** The text as issued: paragraphs separated by blank lines. */
  body: string;
  issuedOn: string;
  /** The user id of who issued it (null actor: '系统'). */
  issuedBy: string;
  createdAt: string;
}
