// The office-records module's public shapes: release coordination (发布协调), clarifications
// (澄清) and reading-room provision (查阅场所).
import type { DeadlineState } from '../../core/time/deadline.ts';
import type { CoordinationOutcome, ReadingRoom } from './office-records.rules.ts';

export interface ReleaseCoordination {
  id: string;
  itemId: string;
  number: string;
  recipientAgency: string;
  recipientContact: string;
  question: string;
  sentOn: string;
  dueOn: string;
  dueExplanation: string;
  /** Only while pending. */
  dueState: DeadlineState | null;
  outcome: CoordinationOutcome;
  outcomeLabel: string;
  answerText: string;
  answeredOn: string | null;
  recordedBy: string | null;
  createdBy: string;
  /** Pending and within its deadline: publication waits. */
  blocksPublication: boolean;
}

export interface CoordinationInput {
  recipientAgency: string;
  recipientContact: string;
  question: string;
}

export interface OutcomeInput {
  outcome: Exclude<CoordinationOutcome, 'pending'>;
  answerText: string;
  /** Defaults to today; ignored for noAnswer. */
  answeredOn?: string;
}

export interface ClarificationInput {
  correctsItemId: string | null;
  circulatingInfo: string;
  circulatingUrl: string;
}

export interface ClarificationDetail extends ClarificationInput {
  itemId: string;
  /** Title of the corrected item, when it is one of the agency's items. */
  correctsTitle: string | null;
}

export interface ProvisionRow {
  id: string;
  itemId: string;
  title: string;
  indexNumber: string | null;
  roomName: string;
  publishedOn: string;
  dueOn: string;
  providedOn: string | null;
  providedBy: string | null;
  /** Only while not provided. */
  dueState: DeadlineState | null;
}

export interface ProvisionQuery {
  roomName?: string;
  state: 'open' | 'provided' | 'all';
}

export type { ReadingRoom };
