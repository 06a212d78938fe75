// The fault test's ledger: what the scripted day attempted and what the app acknowledged (answered
// 2xx, or 303 for a console form), by kind of action, and what the checks afterwards look for.
import type { Fixture } from '../test/factories.ts';
import type { Answer } from './faults.procs.ts';

export interface TrackedRequest {
  trackingCode: string;
  ackedStatus: string;
  /** Acknowledged steps in order: request verbs, and 'extension' (its own endpoint). */
  ackedVerbs: string[];
  replySaved: boolean;
  /** The saved reply draft refuses (第三十六条第（三）项): the request belongs in the quarter's filing. */
  refusal: boolean;
  /** Working days of the acknowledged extension (0: none acknowledged). */
  extensionDays: number;
}

export interface KindTally {
  attempted: number;
  acknowledged: number;
  /** Answers that were not a success, by status (and error code): the script should rarely meet them. */
  refused: Record<string, number>;
}

export interface Ledger {
  attempted: number;
  acknowledged: number;
  logins: number;
  byKind: Map<string, KindTally>;
  online: { key: string; trackingCode: string }[];
  requests: Map<string, TrackedRequest>;
  items: Map<string, { ackedStatus: string; ackedVerbs: string[] }>;
  /** Acknowledged filing generations by 'YYYY-Q'. */
  filings: Map<string, number>;
}

export function newLedger(): Ledger {
  return { attempted: 0, acknowledged: 0, logins: 0, byKind: new Map(), online: [], requests: new Map(), items: new Map(), filings: new Map() };
}

function tally(ledger: Ledger, kind: string): KindTally {
  let t = ledger.byKind.get(kind);
  if (!t) ledger.byKind.set(kind, (t = { attempted: 0, acknowledged: 0, refused: {} }));
  return t;
}

export function attempt(ledger: Ledger, kind: string): void {
  ledger.attempted++;
  tally(ledger, kind).attempted++;
}

export function acknowledge(ledger: Ledger, kind: string): void {
  ledger.acknowledged++;
  tally(ledger, kind).acknowledged++;
}

/** An answer that was not a success (no answer at all is not counted: the app was killed). */
export function refused(ledger: Ledger, kind: string, res: Answer | undefined): void {
  if (!res) return;
  let code = '';
  try {
    const { error } = JSON.parse(res.body) as { error?: { code?: string; fields?: { field: string }[] } };
    code = [error?.code, ...(error?.fields ?? []).map((f) => f.field)].filter(Boolean).join(' ');
  } catch {
    // an HTML page (console form): the status says enough
  }
  const key = code ? `${res.status} ${code}` : String(res.status);
  const t = tally(ledger, kind);
  t.refused[key] = (t.refused[key] ?? 0) + 1;
}

/** One line per kind: acknowledged/attempted, and the refusals met. */
export function byKindReport(ledger: Ledger): string[] {
  return [...ledger.byKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, t]) => {
    const refusals = Object.entries(t.refused).map(([k, n]) => `${k}×${n}`).join(', ');
    return `  ${kind.padEnd(18)} ${String(t.acknowledged).padStart(4)} acknowledged of ${String(t.attempted).padStart(4)} attempted${refusals ? `; refused: ${refusals}` : ''}`;
  });
}

export interface DayDeps {
  base: string;
  fx: Fixture;
  columnId: string;
  rand: () => number;
  seed: number;
  /** Waits until the app answers again (the killer restarts it). */
  appUp: () => Promise<void>;
  ledger: Ledger;
}
