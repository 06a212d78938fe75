// Row types: rate-limit counters shared by every app instance (core/http/rate-limit-store.ts).
export interface RateLimitCounterTable {
  /** HMAC-SHA-256 of the limit's name and the client key (an address): no personal data stored. */
  key: string;
  /** Start of the current fixed window (UTC ISO); the count restarts at 1 once expiresAt passes. */
  windowStart: string;
  count: number;
  expiresAt: string;
}
