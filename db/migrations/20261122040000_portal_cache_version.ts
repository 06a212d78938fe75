// A version stamp of everything the public portal shows, for the server-side page cache (issue 7
// part 7: public pages cached, the cache invalidated on publication). Each app process keeps its
// rendered pages in memory; before serving one it reads this single row, and a page rendered
// under an older stamp is rendered again. Triggers bump the stamp whenever a table a public page
// reads from changes, whichever code path or process writes (publication, revision, takedown,
// column or agency edits, imports, search indexing), in the writer's own transaction, so no
// process can miss a change (DESIGN.md: nothing may assume one process).
//
// PostgreSQL: the bump is a deferred constraint trigger, once per transaction (a transaction-local
// setting remembers it), so the row lock on the stamp is taken only at commit, after every other
// lock the transaction needs: concurrent writers queue briefly on commit and never deadlock.
// SQLite has a single writer: a plain row trigger is enough.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../src/core/db/dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Tables whose rows appear on public portal pages (column_public_counts follows items). */
const PORTAL_SOURCE_TABLES = ['agencies', 'departments', 'columns', 'items', 'item_interpretations', 'attachments', 'search_documents'];

export async function up(db: AnyDb): Promise<void> {
  await sql.raw(`create table portal_versions (
    id integer primary key,
    version bigint not null
  )`).execute(db);
  await sql.raw('insert into portal_versions (id, version) values (1, 1)').execute(db);
  if (dialectOf(db) === 'postgres') {
    await sql.raw(`create function portal_version_bump() returns trigger language plpgsql as $$
      begin
        if current_setting('gongkai.portal_version_bumped', true) = 'yes' then
          return null;
        end if;
        perform set_config('gongkai.portal_version_bumped', 'yes', true);
        update portal_versions set version = version + 1 where id = 1;
        return null;
      end $$`).execute(db);
    for (const table of PORTAL_SOURCE_TABLES) {
      await sql.raw(`create constraint trigger ${table}_portal_version after insert or update or delete on ${table}
        deferrable initially deferred for each row execute function portal_version_bump()`).execute(db);
    }
  } else {
    for (const table of PORTAL_SOURCE_TABLES) {
      for (const op of ['insert', 'update', 'delete']) {
        await sql.raw(`create trigger ${table}_portal_version_${op} after ${op} on ${table}
          begin update portal_versions set version = version + 1 where id = 1; end`).execute(db);
      }
    }
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    for (const table of PORTAL_SOURCE_TABLES) await sql.raw(`drop trigger if exists ${table}_portal_version on ${table}`).execute(db);
    await sql.raw('drop function if exists portal_version_bump()').execute(db);
  } else {
    for (const table of PORTAL_SOURCE_TABLES) {
      for (const op of ['insert', 'update', 'delete']) await sql.raw(`drop trigger if exists ${table}_portal_version_${op}`).execute(db);
    }
  }
  await sql.raw('drop table if exists portal_versions').execute(db);
}
