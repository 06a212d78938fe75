// Row types: Audit chain, working-day calendar, durable jobs. See schema.ts for the conventions.
export interface AuditEventTable {
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  actorName: string;
  agencyId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  /** JSON {before, after} summary. */
  summary: string;
  ip: string;
  prevHash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  /** The head event's previous hash: lets one UPDATE … RETURNING give both ends of a new link. */
  prevHash: string;
}

export interface CalendarDayTable {
  date: string;
  kind: 'holiday' | 'adjustedWorkday';
  name: string;
}

export interface CalendarYearTable {
  year: number;
  source: string;
  updatedAt: string;
  updatedBy: string;
}

export interface JobTable {
  id: string;
  kind: string;
  payload: string;
  uniqueKey: string | null;
  runAt: string;
  status: 'pending' | 'running' | 'done' | 'failed';
  attempts: number;
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string;
  createdAt: string;
  finishedAt: string | null;
}
