// Account-security rows: password history, pending second-factor logins, login history and the
// session list the security administrator sees.
import type { DbOrTrx } from '../../core/db/database.ts';
import type { LoginChallengeTable } from '../../core/db/schema.ts';

export function securityRepository(db: DbOrTrx) {
  return {
    addPasswordHistory: (row: { id: string; userId: string; passwordHash: string; createdAt: string }) =>
      db.insertInto('passwordHistory').values(row).execute(),
    async recentPasswordHashes(userId: string, limit: number): Promise<string[]> {
      const rows = await db.selectFrom('passwordHistory').select('passwordHash').where('userId', '=', userId)
        .orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => r.passwordHash);
    },
    /** Keeps the newest `keep` entries of a user's history. */
    async prunePasswordHistory(userId: string, keep: number) {
      const old = await db.selectFrom('passwordHistory').select('id').where('userId', '=', userId)
        .orderBy('createdAt', 'desc').orderBy('id', 'desc').offset(keep).limit(1000).execute();
      if (old.length) await db.deleteFrom('passwordHistory').where('id', 'in', old.map((r) => r.id)).execute();
    },

    insertChallenge: (row: LoginChallengeTable) => db.insertInto('loginChallenges').values(row).execute(),
    challenge: (tokenHash: string) => db.selectFrom('loginChallenges').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst(),
    removeChallenge: (tokenHash: string) => db.deleteFrom('loginChallenges').where('tokenHash', '=', tokenHash).execute(),
    removeChallengesOf: (userId: string) => db.deleteFrom('loginChallenges').where('userId', '=', userId).execute(),
    /** Consumes a pending second-factor login; false when another request consumed it first. */
    async takeChallenge(tokenHash: string): Promise<boolean> {
      const r = await db.deleteFrom('loginChallenges').where('tokenHash', '=', tokenHash).executeTakeFirst();
      return Number(r.numDeletedRows) === 1;
    },
    /**
     * Records the TOTP time step just used, only if it is later than the last one (one conditional
     * UPDATE, so two requests racing with one code cannot both win); false means a replay.
     */
    async claimTotpStep(userId: string, step: number): Promise<boolean> {
      const r = await db.updateTable('users').set({ totpLastStep: step }).where('id', '=', userId)
        .where((eb) => eb.or([eb('totpLastStep', 'is', null), eb('totpLastStep', '<', step)])).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    loginHistory: (username: string, limit: number) =>
      db.selectFrom('loginAttempts').select(['at', 'ip', 'succeeded', 'detail']).where('username', '=', username)
        .orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute(),

    activeSessions: (agencyId: string, now: string) =>
      db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.userId')
        .select(['sessions.tokenHash', 'sessions.userId', 'sessions.ip', 'sessions.userAgent', 'sessions.createdAt', 'sessions.lastSeenAt',
          'users.username', 'users.displayName'])
        .where('users.agencyId', '=', agencyId).where('sessions.expiresAt', '>=', now)
        .orderBy('sessions.lastSeenAt', 'desc').execute(),
    sessionOwner: (tokenHash: string) =>
      db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.userId')
        .select(['sessions.userId', 'users.agencyId', 'users.username']).where('sessions.tokenHash', '=', tokenHash).executeTakeFirst(),
    removeSession: (tokenHash: string) => db.deleteFrom('sessions').where('tokenHash', '=', tokenHash).execute(),
    removeSessionsOf: (userId: string) => db.deleteFrom('sessions').where('userId', '=', userId).execute(),
  };
}
