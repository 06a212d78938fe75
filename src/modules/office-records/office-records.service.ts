// createOfficeRecordsService: release coordination, clarifications and reading-room provision,
// plus the hooks the review module runs in its publication transaction, and the calendar listener
// that moves their stored due dates (office-records.recompute.ts).
import type { PublicationHooks } from '../review/index.ts';
import { createClarificationsService, type ClarificationsService } from './clarifications.service.ts';
import { createCoordinationService, type CoordinationService, type OfficeRecordsDeps } from './coordination.service.ts';
import { recomputeOfficeRecordDates } from './office-records.recompute.ts';
import { sendOfficeRecordReminders } from './office-records.reminders.ts';
import { createReadingRoomsService, type ReadingRoomsService } from './reading-rooms.service.ts';

export interface OfficeRecordsService {
  coordination: CoordinationService;
  clarifications: ClarificationsService;
  readingRooms: ReadingRoomsService;
  /** For ReviewDeps.publication: coordination blocks publishing; reading-room rows on publication. */
  publicationHooks: PublicationHooks;
  /** Daily sweep: reminders, 逾期未答复 recording, missing reading-room rows. */
  dailySweep(): Promise<{ reminders: number; rowsFilled: number }>;
}

export function createOfficeRecordsService(deps: OfficeRecordsDeps): OfficeRecordsService {
  const coordination = createCoordinationService(deps);
  const clarifications = createClarificationsService(deps);
  const readingRooms = createReadingRoomsService(deps);
  deps.calendar.onChange((trx, calendar, actor) => recomputeOfficeRecordDates(deps, trx, calendar, actor));
  return {
    coordination,
    clarifications,
    readingRooms,
    publicationHooks: {
      beforePublish: (trx, itemId) => coordination.assertPublishable(trx, itemId),
      afterPublish: (trx, itemId, publishedOn) => readingRooms.onPublished(trx, itemId, publishedOn),
    },
    async dailySweep() {
      const rowsFilled = await readingRooms.fillMissing();
      const reminders = await sendOfficeRecordReminders(deps, coordination);
      return { reminders, rowsFilled };
    },
  };
}
