// Append-only, hash-chained audit log (table audit_events). Every state change writes one event
// in the caller's transaction; each event carries the SHA-256 of the previous one, so altering
// or deleting any row breaks the chain (see verify.ts).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Clock } from '../time/clock.ts';
import type { DbOrTrx } from '../db/database.ts';
import { dialectOf } from '../db/dialect.ts';
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

/**
 * The hashed text of an event is JSON.stringify of its fields in eventHash's order; everything but
 * the first (seq) and the last (prevHash) is known before the head row is locked.
 */
function middleOfCanonical(f: Omit<HashedFields, 'seq' | 'prevHash'>): string {
  return JSON.stringify([f.id, f.at, f.actorId, f.actorName, f.agencyId, f.action, f.subjectType, f.subjectId, f.summary, f.ip]).slice(1, -1);
}

/**
 * A lone UTF-16 surrogate cannot be stored (both databases keep U+FFFD instead), so the hash
 * must cover the text as it will be stored, or the event would fail verification.
 */
const storable = <T extends string | null>(s: T): T => (s === null ? s : (s.replace(/\p{Cs}/gu, '\uFFFD') as T));

export async function appendAuditEvent(trx: DbOrTrx, clock: Clock, actor: Actor, input: AuditInput): Promise<void> {
  const fields: Omit<HashedFields, 'seq' | 'prevHash'> = {
    id: newId(),
    at: clock.now().toISOString(),
    actorId: storable(actor.id),
    actorName: storable(actor.name),
    agencyId: storable(input.agencyId ?? actor.agencyId),
    action: storable(input.action),
    subjectType: storable(input.subjectType),
    subjectId: storable(input.subjectId),
    summary: storable(JSON.stringify({ before: input.before ?? null, after: input.after ?? null })),
    ip: storable(actor.ip),
  };
  if (dialectOf(trx) === 'postgres') return appendInOneStatement(trx, fields);
  // SQLite: the first write takes the database's write lock (BEGIN IMMEDIATE, core/db/database.ts),
  // so appends run one after another and the chain never forks.
  const head = await trx
    .updateTable('auditHead')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const event: HashedFields = { ...fields, seq: head.seq, prevHash: head.hash };
  const hash = eventHash(event);
  await trx.insertInto('auditEvents').values({ ...event, hash }).execute();
  await trx.updateTable('auditHead').set({ hash, prevHash: head.hash }).where('id', '=', 1).execute();
}

/**
 * PostgreSQL: the head row's lock serialises appends and is held until the transaction commits.
 * Taking it in an UPDATE that also computes the new hash (SHA-256 of the same text eventHash
 * hashes: the seq and previous hash spliced around the fields' JSON) and inserting the event in
 * the same statement leaves one round trip, the commit, under the lock, instead of four while
 * the process is busy elsewhere (under load, ~9 of 10 pool connections waited on this row and
 * an online application took 1.3 s). Every SET reads the row as it was, so concurrent appends
 * chain one after another exactly as before; verify.ts recomputes each hash with eventHash.
 */
async function appendInOneStatement(trx: DbOrTrx, f: Omit<HashedFields, 'seq' | 'prevHash'>): Promise<void> {
  await sql`
    with head as (
      update audit_head
         set seq = seq + 1,
             prev_hash = hash,
             hash = encode(sha256(convert_to('[' || (seq + 1) || ',' || ${middleOfCanonical(f)}::text || ',' || to_json(hash)::text || ']', 'UTF8')), 'hex')
       where id = 1
       returning seq, prev_hash, hash
    )
    insert into audit_events (seq, id, at, actor_id, actor_name, agency_id, action, subject_type, subject_id, summary, ip, prev_hash, hash)
    select seq, ${f.id}::text, ${f.at}::text, ${f.actorId}::text, ${f.actorName}::text, ${f.agencyId}::text, ${f.action}::text,
           ${f.subjectType}::text, ${f.subjectId}::text, ${f.summary}::text, ${f.ip}::text, prev_hash, hash
      from head`.execute(trx);
}
