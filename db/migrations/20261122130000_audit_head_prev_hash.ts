// The audit chain's head row also keeps the previous event's hash, so that on PostgreSQL one
// UPDATE … RETURNING can hand back both ends of the new link: the append is then one statement
// and the head row's lock is held for one round trip instead of four (core/audit/audit.ts).
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('auditHead').addColumn('prevHash', 'text', (c) => c.notNull().defaultTo('0'.repeat(64))).execute();
  // The head event's own link, where there is one (a fresh database has none).
  await sql`update audit_head set prev_hash = (select e.prev_hash from audit_events e where e.seq = audit_head.seq)
            where exists (select 1 from audit_events e where e.seq = audit_head.seq)`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('auditHead').dropColumn('prevHash').execute();
}
