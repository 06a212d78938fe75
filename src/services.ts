// The composition root: builds every service once, with explicit dependencies, for the HTTP
// server, the worker, the CLI and the tests alike.
import type { Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './core/db/database.ts';
import { migrateToLatest } from './core/db/migrate.ts';
import { createConfiguredFileStore } from './core/files/configured-file-store.ts';
import type { FileStore } from './core/files/file-store.ts';
import { createJobRunner, type JobRunner } from './core/jobs/jobs.ts';
import { createCalendarService, type CalendarService } from './core/time/calendar.service.ts';
import { systemClock, type Clock } from './core/time/clock.ts';
import { createAccountsService, type AccountsService } from './modules/accounts/index.ts';
import { createSearchService, type SearchService } from './modules/search/index.ts';
import { createCatalogService, type CatalogService } from './modules/catalog/index.ts';
import { combinePublicationHooks, createReviewService, type ReviewService } from './modules/review/index.ts';
import { createOfficeRecordsService, type OfficeRecordsService } from './modules/office-records/index.ts';
import { createFieldCipher, type FieldCipher } from './core/crypto/field-cipher.ts';
import { loadPreviousSecretKeys, loadSecretKey } from './core/crypto/secret-key.ts';
import { createMailTransport, createRequestsService, type RequestsService } from './modules/requests/index.ts';
import { createDeliveryService, createReplyFilesService, type DeliveryService, type ReplyFilesService } from './modules/requests/index.ts';
import { createPrivacyService, createRedactionService, type PrivacyService, type RedactionService } from './modules/privacy/index.ts';
import { createNoticesService, type NoticesService } from './modules/notices/index.ts';
import { createAssessmentService, createDashboardService, type AssessmentService, type DashboardService } from './modules/reports/index.ts';
import { createMonitorService, type MonitorService } from './modules/monitor/index.ts';
import { createTamperService, type TamperService } from './modules/monitor/index.ts';
import { createReportFiguresService, type ReportFiguresService } from './modules/reports/figures.service.ts';
import { createAnnualReportsService, type AnnualReportsService } from './modules/reports/annual-reports.service.ts';
import { createLedgerImportService, type LedgerImportService } from './modules/reports/ledger-import.service.ts';
import { createParticipationService, type ParticipationService } from './modules/participation/index.ts';

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
  /** Office records (issue 6 part 7): release coordination, clarifications, reading-room provision. */
  officeRecords: OfficeRecordsService;
  requests: RequestsService;
  /** Reply files and their redaction (第三十七条); delivery of the reply and the /track downloads. */
  replyFiles: ReplyFilesService;
  delivery: DeliveryService;
  redaction: RedactionService;
  privacy: PrivacyService;
  /** Notices (告知书): templates, numbering, DOCX/PDF; other modules issue through `notices.issue` (NoticeIssuer). */
  notices: NoticesService;
  dashboards: DashboardService;
  assessment: AssessmentService;
  monitor: MonitorService;
  /** 网页防篡改: fingerprints of published items and the monitor that detects changes made outside the application. */
  tamper: TamperService;
  /** Annual report figures (tables 二, 三, 四, checks) and the roll-up over child agencies. */
  reportFigures: ReportFiguresService;
  /** Stored annual reports: narrative, submission to review in the 年报 column, documents (issue 6). */
  annualReports: AnnualReportsService;
  /** `requests import`: a request ledger (CSV/XLSX) validated and imported in one transaction. */
  ledgerImport: LedgerImportService;
  /** 在线咨询 / 局长信箱 messages: routing, answers, publication, the 3-month inspection rule (issue 7 part 6). */
  participation: ParticipationService;
  /** Field encryption of personal data (requests, screening findings), with the previous keys for rotation. */
  cipher: FieldCipher;
  close(): Promise<void>;
}

export async function createServices(config: Config, opts: { clock?: Clock; migrate?: boolean } = {}): Promise<Services> {
  const database = openDatabase(config.database);
  if (opts.migrate !== false) await migrateToLatest(database.db);
  const { db, dialect } = database;
  const clock = opts.clock ?? systemClock;
  // S3-compatible storage when configured (several app instances share no disk), else the data directory.
  const files = createConfiguredFileStore(config);
  const jobs = createJobRunner({ db, dialect, clock, leaseMs: config.jobLeaseMs, maxRunMs: config.jobMaxRunMs, log: (msg, err) => console.error(msg, err), warn: (msg) => console.warn(msg) });
  const calendar = createCalendarService({ db, clock });
  await calendar.seedDefaults(db);
  const cipher = createFieldCipher(loadSecretKey(config), loadPreviousSecretKeys());
  const accounts = createAccountsService({ db, clock, cipher, sessionIdleMs: config.sessionIdleMs });
  // Notices first: requests (replies, fees) issue notices through it.
  const notices = createNoticesService({ db, clock });
  // module services: created below in dependency order (search before catalog before review)
  const search = createSearchService({ db, dialect });
  // The tamper monitor before catalog and review: it fingerprints in their publication transactions.
  const tamper = createTamperService({ db, clock, files });
  const catalog = createCatalogService({ db, dialect, clock, calendar, files, search, maxUploadBytes: config.maxUploadBytes, onPublishedChange: tamper.recordPublished });
  const privacy = createPrivacyService({ db, clock, cipher, catalog });
  // Office records before review: its hooks run in the publication transaction.
  const officeRecords = createOfficeRecordsService({ db, clock, calendar });
  const review = createReviewService({ db, clock, calendar, catalog, screening: privacy.screening, publication: combinePublicationHooks(officeRecords.publicationHooks, tamper.publicationHooks) });
  const requests = createRequestsService({
    db, dialect, clock, calendar, files, maxUploadBytes: config.maxUploadBytes, cipher, childAgencies: (id) => accounts.childAgencies(id), mailTransport: createMailTransport(config.smtpUrl),
    notices,
    publicUrl: config.publicUrl,
  });
  const replyDeps = {
    db, dialect, clock, calendar, files, maxUploadBytes: config.maxUploadBytes, cipher, childAgencies: (id: string) => accounts.childAgencies(id), notices, publicUrl: config.publicUrl, requests,
  };
  const replyFiles = createReplyFilesService(replyDeps);
  const delivery = createDeliveryService({ ...replyDeps, secretKey: loadSecretKey(config), noticeFiles: notices });
  const redaction = createRedactionService({ db, clock, files, catalog });

  const agencyDirectory = { agency: (id: string) => accounts.agency(id), childAgencies: (id: string) => accounts.childAgencies(id) };
  const dashboards = createDashboardService({ db, clock, calendar, directory: agencyDirectory });
  const assessment = createAssessmentService({ db, clock, directory: agencyDirectory });
  const monitor = createMonitorService({ db, clock, directory: agencyDirectory });
  const reportFigures = createReportFiguresService({
    db, clock, agency: (id) => accounts.agency(id), childAgencies: (id) => accounts.childAgencies(id), feesCollected: (id, year) => requests.feesCollected(id, year),
  });
  const annualReports = createAnnualReportsService({ db, clock, catalog, review, figures: reportFigures, agencyName: async (id) => (await accounts.agency(id))?.name ?? '' });
  const ledgerImport = createLedgerImportService({ db, clock, calendar, agency: (id) => accounts.agency(id) });
  const participation = createParticipationService({ db, clock, calendar, cipher });

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
    officeRecords,
    requests,
    replyFiles,
    delivery,
    redaction,
    privacy,
    notices,
    dashboards,
    assessment,
    monitor,
    tamper,
    reportFigures,
    annualReports,
    ledgerImport,
    participation,
    cipher,
    close: () => {
      files.close();
      return database.close();
    },
  };
}
