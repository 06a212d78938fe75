// Public participation use cases: a citizen submits a message (在线咨询 / 局长信箱), the office
// routes it to a department, the department drafts the answer, the office approves it — and the
// answer is published, masked, when the asker agreed. Every change runs in one transaction with
// its audit event.
import type { ZodType } from 'zod';
import { appendAuditEvent, type Actor } from '../../core/audit/audit.ts';
import type { FieldCipher } from '../../core/crypto/field-cipher.ts';
import type { Db } from '../../core/db/database.ts';
import { isUniqueViolation } from '../../core/db/dialect.ts';
import type { MessageTable } from '../../core/db/schema.ts';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { maskPhone } from '../../core/text/mask.ts';
import type { CalendarService } from '../../core/time/calendar.service.ts';
import { nowIso, today, type Clock } from '../../core/time/clock.ts';
import { auditActor, type StaffActor } from '../accounts/index.ts';
import { newTrackingCode, normalizeTrackingCode } from '../../core/text/tracking-code.ts';
import { queryTerms, segmentForSearch } from '../../core/text/segment.ts';
import { maskForPublication } from './participation.publish.ts';
import { assertCan, canDraftAnswer, canManageMessages, canSeeMessage, canSeeMessages } from './participation.policy.ts';
import { participationRepository, type MessageFilter, type ParticipationRepository } from './participation.repository.ts';
import {
  canTransition, inspectionDueOn, inspectionStage, MESSAGE_TRANSITIONS, replyDueOn, type InspectionStage, type MessageKind, type MessageStatus, type MessageVerb,
} from './participation.rules.ts';
import { answerInput, invalidInput, onlineMessageInput, type OnlineMessageInput } from './participation.schemas.ts';
import { sendMessageReminders } from './participation.reminders.ts';

export interface ParticipationDeps {
  db: Db;
  clock: Clock;
  calendar: CalendarService;
  cipher: FieldCipher;
  /** The agency's own reply deadlines (working days) where they differ from the defaults. */
  replyWorkingDays?: Partial<Record<MessageKind, number>>;
}

export interface MessageReceipt {
  trackingCode: string;
  kind: MessageKind;
  receivedOn: string;
  replyDueOn: string;
}

/** What a staff member sees: the phone only masked. */
export type MessageView = Omit<MessageTable, 'phoneEnc' | 'idempotencyKey'> & { kind: MessageKind; status: MessageStatus; stage: InspectionStage };

export interface TrackedMessage {
  trackingCode: string;
  kind: MessageKind;
  subject: string;
  content: string;
  status: MessageStatus;
  receivedOn: string;
  replyDueOn: string;
  answer: string | null;
  answeredOn: string | null;
  published: boolean;
}

export interface PublicAnswer {
  id: string;
  kind: MessageKind;
  subject: string;
  content: string;
  answer: string;
  receivedOn: string;
  answeredOn: string;
}

export interface InspectionSummary {
  open: number;
  overdue: number;
  pastOneMonth: number;
  pastTwoMonths: number;
  breached: number;
  /** The earliest three-month date among open messages. */
  nextInspectionDueOn: string | null;
}

function parse<T>(schema: ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (!r.success) throw validationFailed(r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
  return r.data;
}

/** The search box takes 50 characters; more words than this add nothing but posting lists. */
const MAX_QUERY_CHARS = 50;
const MAX_QUERY_TERMS = 10;

/** The words of a public copy for the message index (migration 20261122100100). */
export function publicWords(copy: Pick<MessageTable, 'publicSubject' | 'publicContent' | 'publicAnswer'>): string {
  return segmentForSearch(`${copy.publicSubject}\n${copy.publicContent}\n${copy.publicAnswer}`).join(' ');
}

export const MESSAGE_NOT_FOUND = () => new AppError(404, 'MESSAGE_NOT_FOUND', '查询码或手机号码后四位不正确，请核对后重试');

export function createParticipationService(deps: ParticipationDeps) {
  const { db, clock, cipher } = deps;
  const repo = () => participationRepository(db);

  const view = (m: MessageTable): MessageView => {
    const { phoneEnc: _p, idempotencyKey: _k, ...rest } = m;
    return { ...rest, kind: m.kind as MessageKind, status: m.status as MessageStatus, stage: m.status === 'answered' || m.status === 'invalid' ? 'none' : inspectionStage(m.receivedOn, today(clock)) };
  };

  /**
   * A message the actor may read. A role that reads no messages is refused outright (403), and
   * another agency's message is missing (404, requireSameAgency). Within the agency, a message not
   * routed to the member's department: once published (masked) its existence is public (the
   * portal lists it), so the answer is 403 "exists but not yours", as for other records; until
   * then it is a citizen's private letter whose existence is not disclosed either (404).
   */
  async function load(actor: StaffActor, id: string): Promise<MessageTable> {
    assertCan(canSeeMessages(actor.user));
    const m = await repo().byId(id);
    if (!m || m.agencyId !== actor.user.agencyId) throw notFound('该留言不存在');
    if (!canSeeMessage(actor.user, m)) {
      if (m.published === 1) throw forbidden('该留言由其他科室办理');
      throw notFound('该留言不存在');
    }
    return m;
  }

  /** Applies a verb: checks the transition, updates guarded by the status, audits, in one transaction. */
  async function act(
    actor: StaffActor, m: MessageTable, verb: MessageVerb, patch: Partial<MessageTable>, after: Record<string, unknown>,
    alsoInTransaction?: (repo: ParticipationRepository) => Promise<void>,
  ): Promise<void> {
    if (!canTransition(verb, m.status)) throw conflict('MESSAGE_STATE', '该留言当前状态不能进行此操作，请刷新页面');
    const { from, to } = MESSAGE_TRANSITIONS[verb];
    await db.transaction().execute(async (trx) => {
      const ok = await participationRepository(trx).updateFrom(m.id, from, { ...patch, status: to, updatedAt: nowIso(clock) });
      if (!ok) throw conflict('MESSAGE_STATE', '该留言已被他人处理，请刷新页面');
      await alsoInTransaction?.(participationRepository(trx));
      await appendAuditEvent(trx, clock, auditActor(actor), {
        action: `message.${verb}`, subjectType: 'message', subjectId: m.id, agencyId: m.agencyId, before: { status: m.status }, after: { status: to, ...after },
      });
    });
  }

  async function buildRow(v: ReturnType<typeof onlineMessageInput.parse>): Promise<MessageTable> {
    const calendar = await deps.calendar.get();
    const receivedOn = today(clock);
    const now = nowIso(clock);
    return {
      id: newId(), agencyId: v.agencyId, kind: v.kind, trackingCode: newTrackingCode(), idempotencyKey: v.idempotencyKey,
      askerName: v.askerName, phoneEnc: cipher.encrypt(v.phone), phoneMasked: maskPhone(v.phone), phoneLast4: v.phone.replace(/\D/g, '').slice(-4),
      email: v.email, subject: v.subject, content: v.content, consentToPublish: v.consentToPublish ? 1 : 0,
      status: 'received', departmentId: null, answer: '', draftedBy: null, answeredBy: null, answeredOn: null,
      published: 0, publicSubject: '', publicContent: '', publicAnswer: '', publishedAt: null, invalidReason: '',
      receivedOn, replyDueOn: replyDueOn(calendar, v.kind, receivedOn, deps.replyWorkingDays), inspectionDueOn: inspectionDueOn(receivedOn),
      createdAt: now, updatedAt: now,
    };
  }

  const receiptOf = (m: MessageTable): MessageReceipt => ({ trackingCode: m.trackingCode, kind: m.kind as MessageKind, receivedOn: m.receivedOn, replyDueOn: m.replyDueOn });

  return {
    /** A message from the portal; the same idempotency key always gives the same receipt. */
    async submit(input: OnlineMessageInput, ip: string): Promise<MessageReceipt> {
      const v = parse(onlineMessageInput, input);
      const existing = await repo().byIdempotencyKey(v.idempotencyKey);
      if (existing) return receiptOf(existing);
      const actor: Actor = { id: null, name: '公众（网上留言）', agencyId: v.agencyId, ip };
      for (let attempt = 0; ; attempt++) {
        const row = await buildRow(v);
        try {
          await db.transaction().execute(async (trx) => {
            await participationRepository(trx).insert(row);
            await appendAuditEvent(trx, clock, actor, {
              action: 'message.submit', subjectType: 'message', subjectId: row.id, agencyId: row.agencyId,
              after: { trackingCode: row.trackingCode, kind: row.kind, phone: row.phoneMasked, replyDueOn: row.replyDueOn, consentToPublish: row.consentToPublish },
            });
          });
          return receiptOf(row);
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
          const winner = await repo().byIdempotencyKey(v.idempotencyKey);
          if (winner) return receiptOf(winner);
          if (attempt >= 2) throw err;
        }
      }
    },

    /** One answer for a wrong code and a wrong phone, so the form cannot confirm codes. */
    async track(code: string, phoneLast4: string): Promise<TrackedMessage> {
      const normalized = normalizeTrackingCode(code ?? '');
      const m = normalized ? await repo().byTrackingCode(normalized) : undefined;
      if (!m || !/^\d{4}$/.test((phoneLast4 ?? '').trim()) || m.phoneLast4 !== phoneLast4.trim()) throw MESSAGE_NOT_FOUND();
      const answered = m.status === 'answered';
      return {
        trackingCode: m.trackingCode, kind: m.kind as MessageKind, subject: m.subject, content: m.content, status: m.status as MessageStatus,
        receivedOn: m.receivedOn, replyDueOn: m.replyDueOn, answer: answered ? m.answer : null, answeredOn: answered ? m.answeredOn : null, published: m.published === 1,
      };
    },

    async list(actor: StaffActor, filter: MessageFilter = {}): Promise<MessageView[]> {
      assertCan(canSeeMessages(actor.user));
      const own = canManageMessages(actor.user) || actor.user.roles.includes('leader') ? filter : { ...filter, departmentId: actor.user.departmentId ?? '' };
      return (await repo().list(actor.user.agencyId, own)).map(view);
    },

    async get(actor: StaffActor, id: string): Promise<MessageView> {
      return view(await load(actor, id));
    },

    async route(actor: StaffActor, id: string, departmentId: string): Promise<void> {
      assertCan(canManageMessages(actor.user));
      const m = await load(actor, id);
      const dept = departmentId ? await repo().departmentOf(m.agencyId, departmentId) : undefined;
      if (!dept) throw validationFailed([{ field: 'departmentId', message: '请选择承办科室' }]);
      await act(actor, m, 'route', { departmentId: dept.id }, { departmentId: dept.id, department: dept.name });
    },

    async draft(actor: StaffActor, id: string, input: { answer: string }): Promise<void> {
      const m = await load(actor, id);
      assertCan(canDraftAnswer(actor.user, m));
      const { answer } = parse(answerInput, input);
      await act(actor, m, 'draft', { answer, draftedBy: actor.user.id }, { answerLength: answer.length });
    },

    async returnDraft(actor: StaffActor, id: string): Promise<void> {
      assertCan(canManageMessages(actor.user));
      await act(actor, await load(actor, id), 'returnDraft', {}, {});
    },

    /** The office approves the answer (it may edit it); published at once when the asker agreed. */
    async approve(actor: StaffActor, id: string, input: { answer?: string } = {}): Promise<void> {
      assertCan(canManageMessages(actor.user));
      const m = await load(actor, id);
      const answer = input.answer !== undefined && input.answer.trim() ? parse(answerInput, input).answer : m.answer;
      const asker = { name: m.askerName, phone: cipher.decrypt(m.phoneEnc) };
      const publish = m.consentToPublish === 1;
      const patch: Partial<MessageTable> = { answer, answeredBy: actor.user.id, answeredOn: today(clock) };
      let index: ((r: ParticipationRepository) => Promise<void>) | undefined;
      if (publish) {
        const copy = { publicSubject: maskForPublication(m.subject, asker), publicContent: maskForPublication(m.content, asker), publicAnswer: maskForPublication(answer, asker) };
        Object.assign(patch, { published: 1, publishedAt: nowIso(clock), ...copy });
        // Only the masked public copy is indexed: the index is as public as the list.
        index = (r) => r.indexPublic(m, publicWords(copy));
      }
      await act(actor, m, 'approve', patch, { published: publish, answeredOn: patch.answeredOn }, index);
    },

    /** Spam or abuse: kept on record with the reason, and no longer counted as waiting for an answer. */
    async markInvalid(actor: StaffActor, id: string, input: { reason: string }): Promise<void> {
      assertCan(canManageMessages(actor.user));
      const { reason } = parse(invalidInput, input);
      await act(actor, await load(actor, id), 'markInvalid', { invalidReason: reason }, { reason });
    },

    /** The inspection rule's figures for an agency: open valid messages by how old they are. */
    async inspectionSummary(agencyId: string): Promise<InspectionSummary> {
      const todayOn = today(clock);
      const open = await repo().list(agencyId, { status: 'open' }, 100_000);
      const stages = open.map((m) => inspectionStage(m.receivedOn, todayOn));
      return {
        open: open.length,
        overdue: open.filter((m) => m.replyDueOn < todayOn).length,
        pastOneMonth: stages.filter((s) => s !== 'none').length,
        pastTwoMonths: stages.filter((s) => s === 'twoMonths' || s === 'breached').length,
        breached: stages.filter((s) => s === 'breached').length,
        nextInspectionDueOn: open.map((m) => m.inspectionDueOn).sort()[0] ?? null,
      };
    },

    /**
     * 留言选登 search: every segmented word of the query must occur (any order, anywhere in the
     * subject, question or answer), as in the catalog search; a blank query lists them all.
     */
    async publicAnswers(agencyId: string, q: string, page: number, pageSize = 20): Promise<{ rows: PublicAnswer[]; total: number }> {
      const text = q.trim().slice(0, MAX_QUERY_CHARS);
      const terms = queryTerms(text).slice(0, MAX_QUERY_TERMS);
      // Only punctuation or symbols ("%"): nothing can match, and it is not a blank query.
      if (text !== '' && terms.length === 0) return { rows: [], total: 0 };
      const { rows, total } = await repo().publicPage(agencyId, terms, (Math.max(1, page) - 1) * pageSize, pageSize);
      return {
        total,
        rows: rows.map((r) => ({ id: r.id, kind: r.kind as MessageKind, subject: r.publicSubject, content: r.publicContent, answer: r.publicAnswer, receivedOn: r.receivedOn, answeredOn: r.answeredOn ?? '' })),
      };
    },

    async publicAnswer(id: string): Promise<(PublicAnswer & { agencyId: string }) | null> {
      const r = await repo().publishedById(id);
      if (!r) return null;
      return { id: r.id, agencyId: r.agencyId, kind: r.kind as MessageKind, subject: r.publicSubject, content: r.publicContent, answer: r.publicAnswer, receivedOn: r.receivedOn, answeredOn: r.answeredOn ?? '' };
    },

    /** The daily sweep: reply-deadline reminders and the 1-, 2- and 3-month escalations. */
    dailySweep: () => sendMessageReminders(deps),
  };
}

export type ParticipationService = ReturnType<typeof createParticipationService>;
