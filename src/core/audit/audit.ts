// Append-only, hash-chained audit log (table audit_events). Every state change writes one event
// in the caller's transaction; each event carries the SHA-256 of the previous one, so altering
// or deleting any row breaks the chain (see verify.ts).
import { createHash } from 'node:crypto';
import type { Clock } from '../time/clock.ts';
import type { DbOrTrx } from '../db/database.ts';
import type { AuditEventTable } from '../db/schema.ts';
import { newId } from '../ids.ts';

export interface Actor {
  id: string | null;
  name: string;
  agencyId: string | null;
  ip: string;
}

export const systemActor = (name = '系统'): Actor => ({ id: null, name, agencyId: null, ip: '' });

export interface AuditInput {
  action: string;
  subjectType: string;
  subjectId: string;
  agencyId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Every column of an event but its own hash. */
export type HashedFields = Omit<AuditEventTable, 'hash'>;

/** The hash covers every field of the event and the previous event's hash. */
export function eventHash(e: HashedFields): string {
  const canonical = JSON.stringify([
    e.seq, e.id, e.at, e.actorId, e.actorName, e.agencyId, e.action, e.subjectType, e.subjectId, e.summary, e.ip, e.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export async function appendAuditEvent(trx: DbOrTrx, clock: Clock, actor: Actor, input: AuditInput): Promise<void> {
  // Bumping the head row first takes its row lock (PostgreSQL) or the write lock (SQLite), so
  // concurrent transactions append one after another and the chain never forks.
  const head = await trx
    .updateTable('auditHead')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const fields: HashedFields = {
    seq: head.seq,
    id: newId(),
    at: clock.now().toISOString(),
    actorId: actor.id,
    actorName: actor.name,
    agencyId: input.agencyId ?? actor.agencyId,
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    summary: JSON.stringify({ before: input.before ?? null, after: input.after ?? null }),
    ip: actor.ip,
    prevHash: head.hash,
  };
  const hash = eventHash(fields);
  await trx.insertInto('auditEvents').values({ ...fields, hash }).execute();
  await trx.updateTable('auditHead').set({ hash }).where('id', '=', 1).execute();
}
