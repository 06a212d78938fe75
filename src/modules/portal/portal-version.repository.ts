// The portal's version stamp (db/migrations/20261122040000_portal_cache_version.ts): triggers bump
// it whenever a table public pages show changes; the page cache compares it on every hit.
import type { DbOrTrx } from '../../core/db/database.ts';

export async function readPortalVersion(db: DbOrTrx): Promise<number> {
  const row = await db.selectFrom('portalVersions').select('version').where('id', '=', 1).executeTakeFirst();
  return Number(row?.version ?? 0);
}
