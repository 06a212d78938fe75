// Row types: office records (migration 20261122060300): release coordination (发布协调),
// clarifications (澄清), reading-room provision (查阅场所). See schema.ts for the conventions.
export interface ReleaseCoordinationTable {
  id: string;
  agencyId: string;
  itemId: string;
  year: number;
  serial: number;
  /** Letter number, e.g. 发布协调〔2025〕3号. */
  number: string;
  recipientAgency: string;
  recipientContact: string;
  question: string;
  sentOn: string;
  dueOn: string;
  /** 'pending' | 'agreed' | 'objections' | 'noAnswer'. */
  outcome: string;
  answerText: string;
  answeredOn: string | null;
  recordedBy: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface ItemClarificationTable {
  itemId: string;
  agencyId: string;
  /** The published item this clarification corrects, if the false information concerns one. */
  correctsItemId: string | null;
  /** What is circulating (description) and where (URL). */
  circulatingInfo: string;
  circulatingUrl: string;
  createdAt: string;
  updatedAt: string;
}

export interface ReadingRoomProvisionTable {
  id: string;
  agencyId: string;
  itemId: string;
  roomName: string;
  publishedOn: string;
  dueOn: string;
  providedOn: string | null;
  /** Display name of who ticked it. */
  providedBy: string | null;
  providedById: string | null;
  createdAt: string;
}
