// Reading the audit log (the auditor's page and export): filtered, newest first, one agency.
import type { DbOrTrx } from '../../core/db/database.ts';
import { dialectOf, escapeLike, likeOperator } from '../../core/db/dialect.ts';

export interface AuditLogQuery {
  agencyId: string;
  /** Instants (UTC ISO), inclusive lower and exclusive upper bound. */
  fromAt?: string;
  toAt?: string;
  /** An action or a prefix of one ('user.' matches every user action). */
  action?: string;
  /** Part of the actor's name or their user id. */
  actor?: string;
  /** A subject id, or a subject type ('user', 'item', …). */
  subject?: string;
}

export function auditLogRepository(db: DbOrTrx) {
  const like = likeOperator(dialectOf(db));
  const filtered = (q: AuditLogQuery) => {
    let query = db.selectFrom('auditEvents').where('agencyId', '=', q.agencyId);
    if (q.fromAt) query = query.where('at', '>=', q.fromAt);
    if (q.toAt) query = query.where('at', '<', q.toAt);
    if (q.action) query = query.where(({ eb, or }) => or([eb('action', '=', q.action!), eb('action', 'like', `${escapeLike(q.action!)}%`)]));
    if (q.actor) query = query.where(({ eb, or }) => or([eb('actorId', '=', q.actor!), eb('actorName', like, `%${escapeLike(q.actor!)}%`)]));
    if (q.subject) query = query.where(({ eb, or }) => or([eb('subjectId', '=', q.subject!), eb('subjectType', '=', q.subject!)]));
    return query;
  };
  return {
    async count(q: AuditLogQuery): Promise<number> {
      const row = await filtered(q).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    page: (q: AuditLogQuery, offset: number, limit: number) =>
      filtered(q).selectAll().orderBy('seq', 'desc').offset(offset).limit(limit).execute(),
    /** The distinct actions of the agency, for the filter's choices. */
    async actions(agencyId: string): Promise<string[]> {
      const rows = await db.selectFrom('auditEvents').select('action').distinct().where('agencyId', '=', agencyId).orderBy('action').execute();
      return rows.map((r) => r.action);
    },
  };
}
