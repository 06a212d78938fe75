// Account security, session 3 (等保 2.0 level 3): the last TOTP time step each user has used, so a
// code is accepted once only; and the rate-limit counters shared by every app instance (DESIGN.md:
// nothing may assume one process). Counter keys are HMACs, never raw client addresses.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('users').addColumn('totpLastStep', 'integer').execute();

  await db.schema
    .createTable('rateLimitCounters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('windowStart', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('expiresAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_counters_expires_idx').on('rateLimitCounters').column('expiresAt').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('rateLimitCounters').execute();
  await db.schema.alterTable('users').dropColumn('totpLastStep').execute();
}
