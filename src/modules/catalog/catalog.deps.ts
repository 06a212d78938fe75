// What the catalog's factory is given (explicit dependencies, DESIGN.md).
import type { Db, DbOrTrx, DialectName } from '../../core/db/database.ts';
import type { FileStore } from '../../core/files/file-store.ts';
import type { CalendarService } from '../../core/time/calendar.service.ts';
import type { Clock } from '../../core/time/clock.ts';
import type { SearchService } from '../search/search.contract.ts';

export interface CatalogDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  calendar: CalendarService;
  files: FileStore;
  search: SearchService;
  /** config.maxUploadBytes; 20 MB when not given. */
  maxUploadBytes?: number;
  /**
   * Called in the transaction of every legitimate change to published content (revise, repeal,
   * import, attachments of a published item): the tamper monitor re-records its fingerprint (网页防篡改).
   */
  onPublishedChange?: (trx: DbOrTrx, itemId: string, action: 'revise' | 'repeal' | 'import' | 'attachment') => Promise<void>;
}

export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
