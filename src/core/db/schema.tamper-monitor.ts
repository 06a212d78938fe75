// Row types: 网页防篡改 (migrations 20261122080210, 20261122090200). See schema.ts for the conventions.
export interface PublishedFingerprintTable {
  itemId: string;
  agencyId: string;
  version: number;
  /** SHA-256 over every public field hash and attachment hash (hex). */
  contentSha256: string;
  /** JSON object: public field name → SHA-256 of its value, so an alert can name what changed. */
  fieldHashes: string;
  /** JSON array of { attachmentId, filename, sha256 } — sha256 of the file the public downloads. */
  attachments: string;
  recordedAt: string;
  /** The action that recorded it: publish, revise, repeal, import, baseline, accepted. */
  recordedBy: string;
  /** Set when the item left the website through the application (撤稿). */
  retiredAt: string | null;
  /**
   * publication: recorded in a transaction of the application (publish, revise, repeal, import,
   * an accepted alert); baseline: taken by the monitor for an item it never saw published
   * (migration 20261122090200), to be checked by the office.
   */
  origin: string;
  /** When and by whom (display name) the office confirmed a baseline's content. */
  baselineCheckedAt: string | null;
  baselineCheckedBy: string | null;
}

/** Every item ever fingerprinted, never deleted: a published item missing from publishedFingerprints but listed here lost its fingerprint. */
export interface TamperRegistryTable {
  itemId: string;
  agencyId: string;
  firstRecordedAt: string;
  firstRecordedBy: string;
}

export interface TamperAlertTable {
  id: string;
  /** One alert per item, recorded fingerprint and observed change: the job may run any number of times. */
  uniqueKey: string;
  agencyId: string;
  itemId: string;
  itemTitle: string;
  version: number;
  /** row | file | status | fingerprint */
  kind: string;
  /** JSON array of { field, label, detail }. */
  changes: string;
  detectedAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolvedByName: string | null;
  /** restored | takenDown | accepted */
  resolution: string | null;
  resolutionNote: string | null;
}
