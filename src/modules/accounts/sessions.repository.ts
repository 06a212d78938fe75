// Database sessions and login attempts: nothing lives in process memory, so any app instance
// can serve any request.
import type { DbOrTrx } from '../../core/db/database.ts';
import type { SessionTable } from '../../core/db/schema.ts';

export function sessionsRepository(db: DbOrTrx) {
  return {
    insert: (row: SessionTable) => db.insertInto('sessions').values(row).execute(),
    byTokenHash: (tokenHash: string) => db.selectFrom('sessions').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst(),
    touch: (tokenHash: string, lastSeenAt: string) =>
      db.updateTable('sessions').set({ lastSeenAt }).where('tokenHash', '=', tokenHash).execute(),
    remove: (tokenHash: string) => db.deleteFrom('sessions').where('tokenHash', '=', tokenHash).execute(),
    removeExpired: (now: string) => db.deleteFrom('sessions').where('expiresAt', '<', now).execute(),
    recordAttempt: (row: { id: string; username: string; ip: string; succeeded: number; at: string; detail?: string }) =>
      db.insertInto('loginAttempts').values(row).execute(),
    async failuresSince(field: 'username' | 'ip', value: string, since: string): Promise<number> {
      const row = await db
        .selectFrom('loginAttempts')
        .select((eb) => eb.fn.countAll().as('n'))
        .where(field, '=', value)
        .where('succeeded', '=', 0)
        .where('at', '>=', since)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async lastSuccess(username: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('loginAttempts')
        .select('at')
        .where('username', '=', username)
        .where('succeeded', '=', 1)
        .orderBy('at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.at;
    },
  };
}

/** Housekeeping: expired sessions, and login attempts older than the retention period. */
export async function purgeExpiredSessions(db: DbOrTrx, now: string, attemptsBefore: string): Promise<void> {
  await db.deleteFrom('sessions').where('expiresAt', '<', now).execute();
  await db.deleteFrom('loginAttempts').where('at', '<', attemptsBefore).execute();
}
