// Staff notifications for requests: the console inbox (one row per recipient department) and
// e-mail through a durable outbox. The outbox row and the job that sends it are written in the
// same transaction as the notification, so a reminder is either fully recorded or not at all.
import type { RequestTable } from '../../core/db/schema.ts';
import { newId } from '../../core/ids.ts';
import { enqueueJob } from '../../core/jobs/jobs.ts';
import { formatChineseDate } from '../../core/time/clock.ts';
import { repoOf, type RequestsDeps } from './requests.deps.ts';
import { DUE_KIND_LABELS, type DueItem, type Milestone } from './reminders.ts';

export const SEND_OUTBOX_JOB = 'notifications.sendOutbox';

/** What actually sends an e-mail (nodemailer's transport has this shape). */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

export interface RequestsNotifier {
  /** Records one reminder for each recipient not yet reminded; returns how many were new. */
  remind(row: RequestTable, item: DueItem, milestone: Milestone): Promise<number>;
  sendOutboxEmail(id: string): Promise<void>;
}

function reminderText(row: RequestTable, item: DueItem, m: Milestone): { title: string; body: string } {
  if (item.kind === 'paymentWindow') {
    // Sent once, at most 3 working days before the window ends (possibly later after missed days).
    const title = `申请 ${row.trackingCode} 的缴费期限将于 ${item.dueOn} 届满，申请人尚未缴纳信息处理费`;
    const body = `${title}（剩余不超过 3 个工作日）。申请人已缴费的，请及时登记缴费；期限届满仍未缴纳的，系统将视为放弃申请、按“其他处理”终止处理（国办函〔2020〕109号）。收到申请之日：${formatChineseDate(row.receivedOn)}。`;
    return { title, body };
  }
  const what = DUE_KIND_LABELS[item.kind];
  const title = m.offset === 'overdue'
    ? `【已逾期】申请 ${row.trackingCode} 的${what}已于 ${item.dueOn} 届满`
    : `申请 ${row.trackingCode} 的${what}还有 ${m.offset} 个工作日到期（${item.dueOn}）`;
  const body = `${title}。所需信息：${row.infoDescription.slice(0, 200)}。收到申请之日：${formatChineseDate(row.receivedOn)}。请及时办理。`;
  return { title, body };
}

export function createRequestsNotifier(deps: RequestsDeps & { mailTransport: MailTransport | null; log: (msg: string) => void }): RequestsNotifier {
  return {
    async remind(row, item, milestone) {
      const repo = repoOf(deps);
      const [assigned, departments, agency] = await Promise.all([repo.assignmentsOf(row.id), repo.departmentsOfAgency(row.agencyId), repo.agencyById(row.agencyId)]);
      const office = departments.filter((d) => d.isDisclosureOffice === 1).map((d) => d.id);
      // Recipients: the handling departments and the disclosure office (null = the agency as a whole);
      // the payment window only the office, which records payments (国办函〔2020〕109号).
      const handling = item.kind === 'paymentWindow' ? [] : assigned.map((a) => a.id);
      const recipients: (string | null)[] = [...new Set([...handling, ...office])];
      if (office.length === 0) recipients.push(null);
      const { title, body } = reminderText(row, item, milestone);
      const key = `${row.id}:${item.kind}:${item.dueOn}:${milestone.offset}`;
      const now = deps.clock.now().toISOString();
      return deps.db.transaction().execute(async (trx) => {
        const r = repoOf(deps, trx);
        let created = 0;
        let officeNotified = false;
        for (const departmentId of recipients) {
          const inserted = await r.insertNotification({
            id: newId(), uniqueKey: `${key}@${departmentId ?? 'agency'}`, agencyId: row.agencyId, departmentId, userId: null,
            subjectType: 'request', subjectId: row.id, kind: `reminder.${item.kind}.${milestone.offset}`, title, body, createdAt: now, readAt: null,
          });
          if (inserted) {
            created++;
            if (departmentId === null || office.includes(departmentId)) officeNotified = true;
          }
        }
        if (officeNotified && agency?.email) {
          const emailId = newId();
          await r.insertOutbox({ id: emailId, toAddress: agency.email, subject: title, body, createdAt: now, sentAt: null, lastError: '' });
          await enqueueJob(trx, deps.clock, SEND_OUTBOX_JOB, { id: emailId }, { uniqueKey: `${SEND_OUTBOX_JOB}:${emailId}` });
        }
        return created;
      });
    },

    async sendOutboxEmail(id) {
      const repo = repoOf(deps);
      const email = await repo.outboxById(id);
      if (!email || email.sentAt) return;
      const now = () => deps.clock.now().toISOString();
      if (!deps.mailTransport) {
        // No SMTP_URL (development, tests): the outbox table is the mail log.
        deps.log(`[outbox] ${email.toAddress}: ${email.subject}`);
        await repo.markOutbox(id, { sentAt: now(), lastError: '未配置 SMTP_URL，邮件仅记录在发件箱' });
        return;
      }
      try {
        await deps.mailTransport.sendMail({ from: email.toAddress, to: email.toAddress, subject: email.subject, text: email.body });
      } catch (err) {
        await repo.markOutbox(id, { lastError: String(err instanceof Error ? err.message : err).slice(0, 1000) });
        throw err; // the job runner retries with back-off
      }
      await repo.markOutbox(id, { sentAt: now(), lastError: '' });
    },
  };
}
