// Challenges to a reply (行政复议 / 行政诉讼; 条例 第五十一条): recorded by the disclosure office
// against a request of its agency that has been answered, updated when decided, audited; they feed
// table 四 of the annual report by the rule in `table4Column`.
import { appendAuditEvent } from '../../core/audit/audit.ts';
import { authorize, requireSameAgency } from '../../core/authz/authz.ts';
import type { RequestChallengeTable } from '../../core/db/schema.ts';
import { conflict, validationFailed } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { today } from '../../core/time/clock.ts';
import { auditActor, hasRole, type StaffActor } from '../accounts/index.ts';
import type { ZodType } from 'zod';
import { challengesRepository } from './challenges.repository.ts';
import {
  challengeDecisionInput, challengeInput, type ChallengeDecisionInput, type ChallengeInput, type ChallengeKind, type ChallengeResult, type LitigationPath,
} from './challenges.schemas.ts';
import { repoOf, writeEvent, type RequestsDeps } from './requests.deps.ts';
import { isOfficer } from './requests.policy.ts';

export interface ChallengeView {
  id: string;
  requestId: string;
  trackingCode: string;
  kind: ChallengeKind;
  litigationPath: LitigationPath | null;
  body: string;
  caseNumber: string;
  filedOn: string;
  decidedOn: string | null;
  result: ChallengeResult;
  note: string;
  createdBy: string;
  updatedAt: string;
}

export interface ChallengesApi {
  record(actor: StaffActor, requestId: string, input: ChallengeInput): Promise<ChallengeView>;
  decide(actor: StaffActor, challengeId: string, input: ChallengeDecisionInput): Promise<ChallengeView>;
  listForRequest(actor: StaffActor, requestId: string): Promise<ChallengeView[]>;
  /** The agency's challenges, filed in `year` when given, newest first. */
  listForAgency(actor: StaffActor, year?: number): Promise<ChallengeView[]>;
}

/**
 * Table 四's counting rule: a challenge counts in year Y when filed in Y; its result column is its
 * result if decided by 31 December Y, otherwise 尚未审结 (pending). Null when not counted in Y.
 */
export function table4Column(c: Pick<RequestChallengeTable, 'filedOn' | 'decidedOn' | 'result'>, year: number): ChallengeResult | null {
  if (!c.filedOn.startsWith(`${year}-`)) return null;
  return c.decidedOn && c.decidedOn <= `${year}-12-31` ? c.result : 'pending';
}

function parse<T>(schema: ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input ?? {});
  if (!r.success) throw validationFailed(r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
  return r.data;
}

const toView = (r: RequestChallengeTable & { trackingCode: string }): ChallengeView => ({
  id: r.id, requestId: r.requestId, trackingCode: r.trackingCode, kind: r.kind, litigationPath: r.litigationPath, body: r.body, caseNumber: r.caseNumber,
  filedOn: r.filedOn, decidedOn: r.decidedOn, result: r.result, note: r.note, createdBy: r.createdBy, updatedAt: r.updatedAt,
});

export function createChallengesService(deps: RequestsDeps): ChallengesApi {
  const { clock } = deps;
  const canRead = (actor: StaffActor) => authorize(isOfficer(actor.user) || hasRole(actor.user, 'leader'), '只有公开办工作人员或机关领导可以查看复议诉讼记录');
  const canWrite = (actor: StaffActor) => authorize(isOfficer(actor.user), '只有公开办工作人员可以登记复议诉讼情况');

  function datesNotFuture(input: { filedOn?: string; decidedOn: string | null }) {
    const todayOn = today(clock);
    if (input.filedOn && input.filedOn > todayOn) throw validationFailed([{ field: 'filedOn', message: '申请复议或起诉日期不能晚于今天' }]);
    if (input.decidedOn && input.decidedOn > todayOn) throw validationFailed([{ field: 'decidedOn', message: '审结日期不能晚于今天' }]);
  }

  return {
    async record(actor, requestId, raw) {
      const input = parse(challengeInput, raw);
      datesNotFuture(input);
      const id = newId();
      await deps.db.transaction().execute(async (trx) => {
        const row = await repoOf(deps, trx).requestById(requestId);
        requireSameAgency(actor.user, row);
        canWrite(actor);
        // A challenge is against a reply (or another decision that ended the request).
        if (!row!.outcome) throw conflict('REQUEST_NOT_ANSWERED', '该申请尚未作出答复，不能登记复议或诉讼');
        if (input.filedOn < row!.receivedOn) throw validationFailed([{ field: 'filedOn', message: '申请复议或起诉日期不能早于收到申请之日' }]);
        const who = auditActor(actor);
        const now = clock.now().toISOString();
        await challengesRepository(trx).insert({
          id, agencyId: row!.agencyId, requestId, kind: input.kind, litigationPath: input.litigationPath, body: input.body, caseNumber: input.caseNumber,
          filedOn: input.filedOn, decidedOn: input.decidedOn, result: input.result, note: input.note, createdBy: who.name, createdAt: now, updatedAt: now,
        });
        await writeEvent(trx, deps, who, { requestId, kind: 'challengeRecorded', note: `${input.body}（${input.filedOn}）`, visibleToApplicant: false, data: { challengeId: id, kind: input.kind } });
        await appendAuditEvent(trx, clock, who, { action: 'request.challenge.record', subjectType: 'requestChallenge', subjectId: id, agencyId: row!.agencyId, after: { requestId, ...input } });
      });
      return toView((await challengesRepository(deps.db).byId(id))!);
    },

    async decide(actor, challengeId, raw) {
      const input = parse(challengeDecisionInput, raw);
      datesNotFuture(input);
      await deps.db.transaction().execute(async (trx) => {
        const repo = challengesRepository(trx);
        const c = await repo.byId(challengeId);
        requireSameAgency(actor.user, c);
        canWrite(actor);
        if (input.decidedOn && input.decidedOn < c!.filedOn) throw validationFailed([{ field: 'decidedOn', message: '审结日期不能早于申请复议或起诉日期' }]);
        const who = auditActor(actor);
        await repo.update(challengeId, { ...input, updatedAt: clock.now().toISOString() });
        await writeEvent(trx, deps, who, { requestId: c!.requestId, kind: 'challengeDecided', note: input.note, visibleToApplicant: false, data: { challengeId, result: input.result } });
        await appendAuditEvent(trx, clock, who, {
          action: 'request.challenge.decide', subjectType: 'requestChallenge', subjectId: challengeId, agencyId: c!.agencyId,
          before: { decidedOn: c!.decidedOn, result: c!.result, caseNumber: c!.caseNumber }, after: input,
        });
      });
      return toView((await challengesRepository(deps.db).byId(challengeId))!);
    },

    async listForRequest(actor, requestId) {
      const row = await repoOf(deps).requestById(requestId);
      requireSameAgency(actor.user, row);
      canRead(actor);
      return (await challengesRepository(deps.db).ofRequest(requestId)).map(toView);
    },

    async listForAgency(actor, year) {
      canRead(actor);
      return (await challengesRepository(deps.db).ofAgency(actor.user.agencyId, year ?? null)).map(toView);
    },
  };
}
