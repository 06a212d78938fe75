// Applicants' phone numbers encrypted at rest (issue 4 part 5): `phone_enc` holds the number
// under the field cipher; `phone` keeps only the masked form (138****1234) for lists and exports;
// `phone_last4` stays for tracking. Rows written before this migration still hold the number in
// clear in `phone`: `gongkai privacy rotate-keys` encrypts and masks them (the key lives in the
// environment, not in the migration).
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('requests').addColumn('phoneEnc', 'text', (c) => c.notNull().defaultTo('')).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('requests').dropColumn('phoneEnc').execute();
}
