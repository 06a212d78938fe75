// Row types: tamper evidence (migration 20261122080200). See schema.ts for the conventions.
export interface AuditDigestTable {
  /** The legal date (YYYY-MM-DD) the chain's head was anchored on. */
  date: string;
  lastSeq: number;
  headHash: string;
  eventCount: number;
  createdAt: string;
  /** The exact signed text: canonical JSON of {date, lastSeq, headHash, eventCount, createdAt}. */
  payload: string;
  /** Ed25519 public key, base64 of its SPKI DER encoding. */
  publicKey: string;
  /** Ed25519 signature of `payload`, base64. */
  signature: string;
}

export interface PublishedHashTable {
  itemId: string;
  version: number;
  agencyId: string;
  /** SHA-256 of the canonical JSON of the published row's public fields. */
  contentSha256: string;
  /** JSON [{id, sha256}] of the attachments published with this version. */
  attachments: string;
  recordedAt: string;
}

export interface TamperAlertTable {
  id: string;
  agencyId: string;
  itemId: string;
  version: number;
  /** 'row' (the published row changed), 'file' (an attachment's bytes changed), 'missingFile'. */
  kind: string;
  detail: string;
  detectedAt: string;
  /** itemId:version:kind:observed hash — one alert per distinct change, however many sweeps see it. */
  fingerprint: string;
}
