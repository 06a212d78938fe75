// Public surface of the office-records module (发布协调, 澄清, 查阅场所).
export { createOfficeRecordsService, type OfficeRecordsService } from './office-records.service.ts';
export type { OfficeRecordsDeps } from './coordination.service.ts';
export * from './office-records.contract.ts';
export {
  COORDINATION_ANSWER_WORKING_DAYS, READING_ROOM_WORKING_DAYS, COORDINATION_OUTCOME_LABELS, coordinationDeadline, readingRoomDeadline,
  type CoordinationOutcome,
} from './office-records.rules.ts';
export { registerOfficeRecordsJobs, OFFICE_RECORDS_SWEEP_JOB } from './office-records.jobs.ts';
export { coordinationLetter, coordinationLetterDocx, COORDINATION_LETTER_TITLE, DOCX_MEDIA_TYPE } from './coordination-letter.ts';
