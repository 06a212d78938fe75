// Account security (issue 8 parts 1 and 2, 等保 2.0 level 3): account lockout, password history,
// the optional TOTP second factor, pending second-factor logins, and a database guard that one
// account never holds two of the three administrator roles (三员分立).
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('users').addColumn('failedLogins', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('users').addColumn('lockedUntil', 'text').execute();
  await db.schema.alterTable('users').addColumn('totpSecretEnc', 'text').execute();
  await db.schema.alterTable('users').addColumn('totpEnabledAt', 'text').execute();
  await db.schema.alterTable('loginAttempts').addColumn('detail', 'text', (c) => c.notNull().defaultTo('')).execute();

  await db.schema
    .createTable('passwordHistory')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('userId', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('passwordHash', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('password_history_user').on('passwordHistory').columns(['userId', 'createdAt']).execute();

  await db.schema
    .createTable('loginChallenges')
    .addColumn('tokenHash', 'text', (c) => c.primaryKey())
    .addColumn('userId', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('expiresAt', 'text', (c) => c.notNull())
    .execute();

  // Partial unique index (SQLite and PostgreSQL alike): at most one administrator role per user.
  await sql`create unique index user_roles_one_admin on user_roles (user_id) where role in ('sysAdmin', 'securityAdmin', 'auditor')`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await sql`drop index if exists user_roles_one_admin`.execute(db);
  await db.schema.dropTable('loginChallenges').execute();
  await db.schema.dropTable('passwordHistory').execute();
  await db.schema.alterTable('loginAttempts').dropColumn('detail').execute();
  for (const c of ['totpEnabledAt', 'totpSecretEnc', 'lockedUntil', 'failedLogins']) await db.schema.alterTable('users').dropColumn(c).execute();
}
