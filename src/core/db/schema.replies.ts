// Row types: the items of a reply and the challenges to it (migration 20261122050000). See schema.ts for the conventions.
export interface ReplyItemTable {
  id: string;
  requestId: string;
  /** Order within the reply, from 1. */
  position: number;
  /** The item of information, as the reply names it. */
  description: string;
  /** A REPLY_TYPES value (第三十六条). */
  replyType: string;
  /** An OUTCOMES value; reason one of OUTCOME_REASONS[outcome] (null for granted, partlyGranted). */
  outcome: string;
  reason: string | null;
  /** What the applicant is told: reasons, or how and where to obtain the information. */
  explanation: string;
  /** Already published: the catalog item it is in. */
  catalogItemId: string | null;
  /** Not held: the agency that holds it and its contact, where known (第三十六条第（五）项). */
  holderAgency: string;
  docNumber: string;
  createdAt: string;
}

/** Administrative reconsideration or litigation against a reply (table 四). */
export interface RequestChallengeTable {
  id: string;
  agencyId: string;
  requestId: string;
  kind: 'reconsideration' | 'litigation';
  /** Litigation only: sued directly, or after reconsideration. */
  litigationPath: 'direct' | 'afterReconsideration' | null;
  /** The reconsideration body or the court. */
  body: string;
  caseNumber: string;
  filedOn: string;
  decidedOn: string | null;
  result: 'upheld' | 'corrected' | 'other' | 'pending';
  note: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}
