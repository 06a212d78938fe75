// The database half of a restore, in two steps so that a failure never leaves a half-restored
// database. `prepareDatabase` reads only the unpacked archive: the snapshot must open, its row
// counts must equal the manifest's and every file its rows name must be in the archive. `load`
// then replaces the target in one step that either completes or leaves the old database as it was:
//   SQLite: the snapshot is copied next to the target as `<file>.restoring`, synced, and renamed
//   over the target (rename is atomic). The old database's WAL is folded into its main file first
//   (journal_mode=DELETE), because a stale `-wal` beside the new file would be replayed into it.
//   That step also needs the only connection: a server or worker still using the file stops it.
//   PostgreSQL: the dump becomes a script (`pg_restore --file`) that psql runs in ONE transaction
//   with --force's `drop schema public cascade` before it and the row-count and file checks after
//   it; any error, or the connection dropping (process killed), rolls all of it back.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { DatabaseConfig } from '../../config.ts';
import { AppError } from '../errors.ts';
import type { BackupManifest } from './manifest.ts';
import { FILE_REFERENCES, sqliteReferences } from './references.ts';
import { countSqliteTables, run, type TableCounts } from './snapshot.ts';

export interface PreparedDatabase {
  /** Replaces the target database; `dropFirst` (PostgreSQL): the target has tables (--force). */
  load(dropFirst: boolean): Promise<void>;
}

const MISMATCH = 'GONGKAI_RESTORE_MISMATCH';

const mismatchedTables = (expected: TableCounts, found: TableCounts) =>
  Object.keys({ ...expected, ...found })
    .filter((t) => expected[t] !== found[t])
    .sort();

const countsMismatch = (tables: string[]) =>
  new AppError(422, 'RESTORE_MISMATCH', `备份中数据库的行数与清单不符 / the archive's database does not match its manifest's row counts：${tables.join(', ')}`);

const unarchivedFiles = (shas: string[]) =>
  new AppError(422, 'RESTORE_MISMATCH', `备份中的记录引用了备份未包含的附件 / rows of the archive name files the archive does not hold：${shas.slice(0, 5).join('、')}`);

function fsyncPath(p: string): void {
  const fd = fs.openSync(p, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function prepareSqlite(config: Extract<DatabaseConfig, { kind: 'sqlite' }>, snapshot: string, manifest: BackupManifest): PreparedDatabase {
  let violations: { table: string; parent: string }[];
  try {
    const sqlite = new SqliteDatabase(snapshot, { fileMustExist: true });
    try {
      // A self-contained file (no -wal of its own) before it is renamed into place.
      sqlite.pragma('journal_mode = DELETE');
      const check = String(sqlite.pragma('quick_check', { simple: true }));
      if (check !== 'ok') throw new Error(check);
      // The application enforces foreign keys (database.ts): a row breaking one is a row it refuses.
      violations = sqlite.pragma('foreign_key_check') as { table: string; parent: string }[];
    } finally {
      sqlite.close();
    }
  } catch (err) {
    throw new AppError(422, 'BACKUP_CORRUPT', `备份中的数据库文件无法打开或已损坏 / the archive's database file cannot be opened or is damaged：${(err as Error).message}`);
  }
  if (violations.length) {
    const tables = [...new Set(violations.map((v) => `${v.table} → ${v.parent}`))].join('、');
    throw new AppError(422, 'RESTORE_REFUSED', `数据库拒绝备份中的数据：${violations.length} 行违反外键约束 / the database refuses rows of the archive (foreign keys)：${tables}`);
  }
  const counts = countSqliteTables(snapshot);
  const wrong = mismatchedTables(manifest.tables, counts);
  if (wrong.length) throw countsMismatch(wrong);
  const archived = new Set(manifest.files.map((f) => f.sha256));
  const reader = new SqliteDatabase(snapshot, { readonly: true, fileMustExist: true });
  try {
    const missing = [...sqliteReferences(reader, Object.keys(counts)).keys()].filter((sha) => !archived.has(sha)).sort();
    if (missing.length) throw unarchivedFiles(missing);
  } finally {
    reader.close();
  }

  return {
    async load() {
      const file = path.resolve(config.file);
      const temp = `${file}.restoring`;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      for (const f of [temp, `${temp}-journal`]) fs.rmSync(f, { force: true });
      fs.copyFileSync(snapshot, temp);
      fsyncPath(temp);
      if (fs.existsSync(file)) {
        try {
          const old = new SqliteDatabase(file, { fileMustExist: true, timeout: 0 });
          try {
            const mode = String(old.pragma('journal_mode = DELETE', { simple: true }));
            if (mode !== 'delete') throw new Error(`journal_mode stayed ${mode}`);
          } finally {
            old.close();
          }
        } catch (err) {
          fs.rmSync(temp, { force: true });
          throw new AppError(
            409,
            'RESTORE_TARGET_IN_USE',
            `目标 SQLite 数据库正被其他进程使用，请先停止服务与 worker / the target SQLite database is in use: stop the server and the worker first（${(err as Error).message}）`,
          );
        }
        // No WAL is left to replay: a -shm without its -wal is only an index SQLite rebuilds.
        fs.rmSync(`${file}-shm`, { force: true });
      }
      fs.renameSync(temp, file);
      fsyncPath(path.dirname(file));
    },
  };
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The statements run after the restored script, inside its transaction: any mismatch rolls the whole restore back. */
export function postgresChecks(manifest: BackupManifest): string {
  const lines = ['create temporary table gongkai_restore_files (sha256 text primary key) on commit drop;'];
  const shas = manifest.files.map((f) => f.sha256);
  for (let i = 0; i < shas.length; i += 1000)
    lines.push(`insert into pg_temp.gongkai_restore_files values ${shas.slice(i, i + 1000).map((s) => `(${literal(s)})`).join(',')};`);
  lines.push(`do $gongkai$
declare
  expected jsonb := ${literal(JSON.stringify(manifest.tables))}::jsonb;
  found jsonb := '{}'::jsonb;
  t text;
  n bigint;
  wrong text;
begin
  for t in select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' loop
    execute format('select count(*) from public.%I', t) into n;
    found := found || jsonb_build_object(t, n);
  end loop;
  select string_agg(k, ', ' order by k) into wrong
    from (select jsonb_object_keys(expected) as k union select jsonb_object_keys(found)) keys
    where (expected -> k) is distinct from (found -> k);
  if wrong is not null then raise exception '${MISMATCH} tables: %', wrong; end if;
end $gongkai$;`);
  for (const r of FILE_REFERENCES) {
    if (!(r.table in manifest.tables)) continue;
    const column = ident(r.column);
    lines.push(`do $gongkai$
declare missing text;
begin
  select string_agg(sha, ', ') into missing from (
    select distinct ${column} as sha from public.${ident(r.table)}
    where ${column} is not null and ${column} not in (select sha256 from pg_temp.gongkai_restore_files) order by 1 limit 5) m;
  if missing is not null then raise exception '${MISMATCH} files ${r.table}.${r.column}: %', missing; end if;
end $gongkai$;`);
  }
  return lines.join('\n') + '\n';
}

/** The first ERROR line psql printed, without psql's `psql:file:line:` prefix. */
const psqlError = (stderr: string) =>
  (stderr.split('\n').find((l) => l.includes('ERROR:')) ?? stderr.trim().split('\n')[0] ?? '').replace(/^psql:[^:]*:\d+:\s*/, '').trim();

async function preparePostgres(config: Extract<DatabaseConfig, { kind: 'postgres' }>, dump: string, work: string, manifest: BackupManifest): Promise<PreparedDatabase> {
  const script = path.join(work, 'restore.sql');
  try {
    await run('pg_restore', ['--no-owner', '--no-acl', `--file=${script}`, dump]);
  } catch (err) {
    throw new AppError(422, 'BACKUP_CORRUPT', `备份中的数据库转储无法读取 / the archive's database dump cannot be read：${psqlError(String((err as { stderr?: string }).stderr ?? err))}`);
  }
  const drop = path.join(work, 'drop.sql');
  fs.writeFileSync(drop, 'drop schema public cascade;\ncreate schema public;\n');
  const checks = path.join(work, 'checks.sql');
  fs.writeFileSync(checks, postgresChecks(manifest));
  return {
    async load(dropFirst) {
      const files = [...(dropFirst ? [drop] : []), script, checks].flatMap((f) => ['--file', f]);
      try {
        await run('psql', ['--no-psqlrc', '--quiet', '--set=ON_ERROR_STOP=1', '--single-transaction', '--output=/dev/null', ...files, `--dbname=${config.url}`], {
          maxBuffer: 16 * 1024 * 1024,
        });
      } catch (err) {
        const line = psqlError(String((err as { stderr?: string }).stderr ?? (err as Error).message));
        if (line.includes(MISMATCH))
          throw new AppError(422, 'RESTORE_MISMATCH', `恢复的数据与清单不符 / the restored data does not match the manifest：${line.slice(line.indexOf(MISMATCH) + MISMATCH.length + 1)}`);
        throw new AppError(422, 'RESTORE_REFUSED', `PostgreSQL 拒绝了备份中的数据 / PostgreSQL refused the archive's data：${line}`);
      }
    },
  };
}

/** Checks the unpacked snapshot (nothing of the target is read or written) and returns its loader. */
export async function prepareDatabase(config: DatabaseConfig, work: string, manifest: BackupManifest): Promise<PreparedDatabase> {
  const snapshot = path.join(work, manifest.database.path);
  return config.kind === 'sqlite' ? prepareSqlite(config, snapshot, manifest) : preparePostgres(config, snapshot, work, manifest);
}
