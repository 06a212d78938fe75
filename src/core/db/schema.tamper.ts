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
