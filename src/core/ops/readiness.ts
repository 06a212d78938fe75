// /readyz: may this process receive traffic? The database answers, every migration in
// db/migrations has run (an instance whose schema is behind its code must not serve), and the
// process is not shutting down (a load balancer takes it out of rotation before it stops).
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { createMigrator } from '../db/migrate.ts';

export interface Lifecycle {
  readonly shuttingDown: boolean;
  /** From now on /readyz answers 503; the process keeps serving until it closes. */
  beginShutdown(): void;
}

export function createLifecycle(): Lifecycle {
  let shuttingDown = false;
  return {
    get shuttingDown() {
      return shuttingDown;
    },
    beginShutdown() {
      shuttingDown = true;
    },
  };
}

export interface Readiness {
  ready: boolean;
  checks: { database: boolean; migrations: boolean; shuttingDown: boolean };
  /** Names of migrations not yet run (empty when current or when the database is down). */
  pendingMigrations: string[];
}

/** Migrations only change by a deploy: once current, recheck at most every 30 s. */
const MIGRATIONS_RECHECK_MS = 30_000;

export function createReadinessCheck(db: Db, lifecycle: Lifecycle) {
  let currentSince = 0;
  return async function check(): Promise<Readiness> {
    let database = false;
    let pendingMigrations: string[] = [];
    try {
      await sql`select 1`.execute(db);
      database = true;
      if (Date.now() - currentSince > MIGRATIONS_RECHECK_MS) {
        const all = await createMigrator(db).getMigrations();
        pendingMigrations = all.filter((m) => m.executedAt === undefined).map((m) => m.name);
        currentSince = pendingMigrations.length === 0 ? Date.now() : 0;
      }
    } catch {
      database = false;
      currentSince = 0;
    }
    const migrations = database && pendingMigrations.length === 0;
    const shuttingDown = lifecycle.shuttingDown;
    return { ready: database && migrations && !shuttingDown, checks: { database, migrations, shuttingDown }, pendingMigrations };
  };
}
