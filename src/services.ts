// The composition root: builds every service once, with explicit dependencies, for the HTTP
// server, the worker, the CLI and the tests alike.
import type { Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './core/db/database.ts';
import { migrateToLatest } from './core/db/migrate.ts';
import { createDiskFileStore, type FileStore } from './core/files/file-store.ts';
import { createJobRunner, type JobRunner } from './core/jobs/jobs.ts';
import { createCalendarService, type CalendarService } from './core/time/calendar.service.ts';
import { systemClock, type Clock } from './core/time/clock.ts';
import { createAccountsService, type AccountsService } from './modules/accounts/index.ts';
import { createSearchService, type SearchService } from './modules/search/index.ts';
import { createCatalogService, type CatalogService } from './modules/catalog/index.ts';
import { createReviewService, type ReviewService } from './modules/review/index.ts';
import { createFieldCipher, type FieldCipher } from './core/crypto/field-cipher.ts';
import { loadPreviousSecretKeys, loadSecretKey } from './core/crypto/secret-key.ts';
import { createMailTransport, createRequestsService, type RequestsService } from './modules/requests/index.ts';
import { createPrivacyService, createRedactionService, type PrivacyService, type RedactionService } from './modules/privacy/index.ts';

export interface Services {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  files: FileStore;
  jobs: JobRunner;
  calendar: CalendarService;
  accounts: AccountsService;
  // module services: one line each, below
  search: SearchService;
  catalog: CatalogService;
  review: ReviewService;
  requests: RequestsService;
  redaction: RedactionService;
  privacy: PrivacyService;
  /** Field encryption of personal data (requests, screening findings), with the previous keys for rotation. */
  cipher: FieldCipher;
  close(): Promise<void>;
}

export async function createServices(config: Config, opts: { clock?: Clock; migrate?: boolean } = {}): Promise<Services> {
  const database = openDatabase(config.database);
  if (opts.migrate !== false) await migrateToLatest(database.db);
  const { db, dialect } = database;
  const clock = opts.clock ?? systemClock;
  const files = createDiskFileStore(config.attachmentsDir);
  const jobs = createJobRunner({ db, dialect, clock, log: (msg, err) => console.error(msg, err) });
  const calendar = createCalendarService({ db, clock });
  await calendar.seedDefaults(db);
  const accounts = createAccountsService({ db, clock });
  // module services: created below in dependency order (search before catalog before review)
  const search = createSearchService({ db, dialect });
  const catalog = createCatalogService({ db, dialect, clock, calendar, files, search, maxUploadBytes: config.maxUploadBytes });
  const cipher = createFieldCipher(loadSecretKey(config), loadPreviousSecretKeys());
  const privacy = createPrivacyService({ db, clock, cipher, catalog });
  const review = createReviewService({ db, clock, calendar, catalog, screening: privacy.screening });
  const requests = createRequestsService({
    db, dialect, clock, calendar, files, maxUploadBytes: config.maxUploadBytes, cipher, childAgencies: (id) => accounts.childAgencies(id), mailTransport: createMailTransport(config.smtpUrl),
  });
  const redaction = createRedactionService({ db, clock, files, catalog });

  return {
    config,
    database,
    clock,
    files,
    jobs,
    calendar,
    accounts,
    // module services: one line each, below
    search,
    catalog,
    review,
    requests,
    redaction,
    privacy,
    cipher,
    close: () => database.close(),
  };
}
