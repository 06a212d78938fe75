// Tamper evidence (issue 8 part 4): the signed daily anchor of the audit chain's head (see
// src/core/audit/anchor.ts).
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('auditDigests')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('lastSeq', 'integer', (c) => c.notNull())
    .addColumn('headHash', 'text', (c) => c.notNull())
    .addColumn('eventCount', 'integer', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('publicKey', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('auditDigests').execute();
}
