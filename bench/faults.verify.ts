// The fault test's checks after the day: every acknowledged online application and catalog step is
// in the database (and none was done twice; the registered requests' checks are in
// faults.verify-requests.ts), and deadline reminders were neither sent twice nor left unsent.
import { today } from '../src/core/time/clock.ts';
import { currentMilestone, dueItemsOf } from '../src/modules/requests/reminders.ts';
import { OPEN_STATUSES } from '../src/modules/requests/request.workflow.ts';
import type { Services } from '../src/services.ts';
import { ITEM_PATH } from './faults.day.ts';
import type { Ledger } from './faults.ledger.ts';

export interface Findings {
  verified: number;
  problems: string[];
}

const at = (path: readonly string[], status: string) => path.indexOf(status);

/** Acknowledged online applications and catalog steps against the database: present, each once. */
export async function verifyActions(services: Services, ledger: Ledger): Promise<Findings> {
  const { db } = services.database;
  const problems: string[] = [];
  let verified = 0;
  for (const o of ledger.online) {
    const rows = await db.selectFrom('requests').select(['trackingCode']).where('idempotencyKey', '=', o.key).execute();
    if (rows.length !== 1 || rows[0].trackingCode !== o.trackingCode) problems.push(`online application ${o.trackingCode}: ${rows.length} rows for its idempotency key`);
    else verified++;
  }
  for (const [id, it] of ledger.items) {
    const row = await db.selectFrom('items').select(['status']).where('id', '=', id).executeTakeFirst();
    if (!row) {
      problems.push(`item ${id} missing`);
      continue;
    }
    verified++;
    if (at(ITEM_PATH, row.status) < at(ITEM_PATH, it.ackedStatus)) problems.push(`item ${id}: status ${row.status} behind acknowledged ${it.ackedStatus}`);
    const records = await db.selectFrom('reviewRecords').select(['step']).where('itemId', '=', id).execute();
    const steps = records.map((x) => x.step);
    if (new Set(steps).size !== steps.length) problems.push(`item ${id}: a review step recorded twice (${steps.join(', ')})`);
    if (records.length >= it.ackedVerbs.length) verified += it.ackedVerbs.length;
    else problems.push(`item ${id}: ${records.length} review records for ${it.ackedVerbs.length} acknowledged actions`);
  }
  return { verified, problems };
}

export interface ReminderFindings {
  reminders: number;
  expected: number;
  emails: number;
  cleanSweepAdded: number;
  problems: string[];
}

/**
 * No reminder twice: no two reminder notifications (or e-mails) with the same content. None never:
 * every reminder a sweep computes for the final state exists, every e-mail was sent, and one more
 * clean sweep adds nothing.
 */
export async function verifyReminders(services: Services): Promise<ReminderFindings> {
  const { db } = services.database;
  const problems: string[] = [];
  const rows = await db.selectFrom('notifications').select(['uniqueKey', 'subjectId', 'kind', 'departmentId', 'title']).where('kind', 'like', 'reminder.%').execute();
  const seen = new Map<string, number>();
  for (const r of rows) {
    const k = JSON.stringify([r.subjectId, r.kind, r.departmentId, r.title]);
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  for (const [k, n] of seen) if (n > 1) problems.push(`reminder sent ${n} times: ${k}`);
  const keys = rows.map((r) => r.uniqueKey ?? '');
  const emails = await db.selectFrom('outboxEmails').select(['subject', 'sentAt']).execute();
  const subjects = new Map<string, number>();
  for (const e of emails) subjects.set(e.subject, (subjects.get(e.subject) ?? 0) + 1);
  for (const [s, n] of subjects) if (n > 1) problems.push(`e-mail queued ${n} times: ${s}`);
  for (const e of emails) if (!e.sentAt) problems.push(`e-mail never sent: ${e.subject}`);

  // What a clean sweep computes for the final state (same key scheme as requests.notifier.ts).
  const calendar = await services.calendar.get();
  const todayOn = today(services.clock);
  const open = await db.selectFrom('requests').selectAll().where('status', 'in', [...OPEN_STATUSES]).execute();
  const pauses = open.length ? await db.selectFrom('requestPauses').selectAll().where('requestId', 'in', open.map((r) => r.id)).execute() : [];
  const fees = open.length ? await db.selectFrom('requestFees').selectAll().where('requestId', 'in', open.map((r) => r.id)).where('paidOn', 'is', null).execute() : [];
  let expected = 0;
  for (const row of open) {
    const unpaidFeeDueOn = fees.find((f) => f.requestId === row.id)?.paymentDueOn ?? null;
    for (const item of dueItemsOf(row, pauses.filter((p) => p.requestId === row.id), unpaidFeeDueOn)) {
      const m = currentMilestone(calendar, item, todayOn);
      if (!m) continue;
      expected++;
      const prefix = `${row.id}:${item.kind}:${item.dueOn}:${m.offset}@`;
      if (!keys.some((k) => k.startsWith(prefix))) problems.push(`reminder never sent: ${row.trackingCode} ${item.kind} ${item.dueOn} ${m.offset}`);
    }
  }
  const cleanSweepAdded = await services.requests.runReminderSweep();
  if (cleanSweepAdded !== 0) problems.push(`a clean sweep after the day added ${cleanSweepAdded} reminders that were never sent`);
  return { reminders: rows.length, expected, emails: emails.length, cleanSweepAdded, problems };
}
