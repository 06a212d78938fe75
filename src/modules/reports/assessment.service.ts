// Assessment (考核, issue 6 part 5): per department and period, items published late, replies
// late, reminders ignored and sent-back rates, scored by the agency's rule (DEFAULT_SCORING_RULE
// until the office saves one). Viewing follows the dashboard's scope; editing the rule is the
// disclosure office's, audited in the same transaction.
import { appendAuditEvent } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/database.ts';
import { forbidden, validationFailed } from '../../core/errors.ts';
import { today, type Clock } from '../../core/time/clock.ts';
import { addCalendarDays } from '../../core/time/dates.ts';
import { auditActor, hasRole, type StaffActor } from '../accounts/index.ts';
import { assessmentRepository } from './assessment.repository.ts';
import { DEFAULT_SCORING_RULE, isReminderIgnored, parsePeriod, rate, score, type DepartmentFigures, type Period, type ScoringRule } from './assessment.rules.ts';
import { resolveViewScope, type AgencyDirectory, type ViewScope } from './dashboard.scope.ts';
import { beijingDayStart } from './dashboard.time.ts';

export interface DepartmentAssessment extends DepartmentFigures {
  departmentId: string;
  departmentName: string;
  sentBackRate: number | null;
  returnRate: number | null;
  deductions: number;
  score: number;
}

export interface Assessment {
  scope: ViewScope;
  period: Period;
  rule: ScoringRule & { isDefault: boolean };
  departments: DepartmentAssessment[];
}

export const RULE_FIELDS = ['baseScore', 'perLateItem', 'perLateReply', 'perIgnoredReminder', 'perTenPercentSentBack', 'perTenPercentReturned'] as const;

export const canEditScoringRule = (actor: StaffActor) => hasRole(actor.user, 'officer');

const ZERO: DepartmentFigures = {
  itemsPublished: 0, itemsLate: 0, repliesApproved: 0, repliesLate: 0, remindersSent: 0, remindersIgnored: 0,
  reviewSubmissions: 0, reviewSendBacks: 0, replySubmissions: 0, replyReturns: 0,
};

export function createAssessmentService(deps: { db: Db; clock: Clock; directory: AgencyDirectory }) {
  async function ruleOf(agencyId: string): Promise<ScoringRule & { isDefault: boolean }> {
    const row = await assessmentRepository(deps.db).rule(agencyId);
    if (!row) return { ...DEFAULT_SCORING_RULE, isDefault: true };
    const rule = Object.fromEntries(RULE_FIELDS.map((f) => [f, Number(row[f])])) as unknown as ScoringRule;
    return { ...rule, isDefault: false };
  }

  return {
    async assess(actor: StaffActor, input: { period: string; agencyId?: string }): Promise<Assessment> {
      const period = parsePeriod(input.period);
      const scope = await resolveViewScope(deps.directory, actor, input.agencyId);
      const agencyId = scope.agency.id;
      const repo = assessmentRepository(deps.db);
      const range = { fromAt: beijingDayStart(period.fromOn), toAt: beijingDayStart(addCalendarDays(period.toOn, 1)) };
      const [departments, items, replies, reviews, returns, reminders, rule] = await Promise.all([
        repo.departments(agencyId), repo.items(agencyId, period.fromOn, period.toOn), repo.replies(agencyId, range),
        repo.reviews(agencyId, range), repo.replyReturns(agencyId, range), repo.reminders(agencyId, range), ruleOf(agencyId),
      ]);
      const figures = new Map<string, DepartmentFigures>(departments.map((d) => [d.id, { ...ZERO }]));
      const of = (id: string | null) => (id ? figures.get(id) : undefined);
      for (const r of items) Object.assign(of(r.departmentId) ?? {}, { itemsPublished: r.published, itemsLate: r.late });
      for (const r of replies) Object.assign(of(r.departmentId) ?? {}, { repliesApproved: r.approved, repliesLate: r.late });
      for (const r of reviews) Object.assign(of(r.departmentId) ?? {}, { reviewSubmissions: r.submitted, reviewSendBacks: r.sentBack });
      for (const r of returns) Object.assign(of(r.departmentId) ?? {}, { replySubmissions: r.submitted, replyReturns: r.returned });
      const todayOn = today(deps.clock);
      for (const r of reminders) {
        const f = of(r.departmentId);
        if (!f) continue;
        f.remindersSent++;
        if (isReminderIgnored(r, todayOn)) f.remindersIgnored++;
      }
      return {
        scope,
        period,
        rule,
        departments: departments.map((d) => {
          const f = figures.get(d.id)!;
          return {
            departmentId: d.id, departmentName: d.name, ...f,
            sentBackRate: rate(f.reviewSendBacks, f.reviewSubmissions), returnRate: rate(f.replyReturns, f.replySubmissions),
            ...score(rule, f),
          };
        }),
      };
    },

    async rule(actor: StaffActor): Promise<ScoringRule & { isDefault: boolean }> {
      await resolveViewScope(deps.directory, actor);
      return ruleOf(actor.user.agencyId);
    },

    /** Saves the agency's own scoring rule (the office only); audited with before and after. */
    async saveRule(actor: StaffActor, input: Record<(typeof RULE_FIELDS)[number], unknown>): Promise<ScoringRule> {
      if (!canEditScoringRule(actor)) throw forbidden('仅公开办工作人员可以修改考核评分规则');
      const errors: { field: string; message: string }[] = [];
      const rule = {} as ScoringRule;
      for (const f of RULE_FIELDS) {
        const v = typeof input[f] === 'string' && (input[f] as string).trim() !== '' ? Number(input[f]) : input[f];
        const max = f === 'baseScore' ? 1000 : 100;
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > max || Math.round(v * 10) !== v * 10)
          errors.push({ field: f, message: `请填写 0 到 ${max} 之间的数，最多一位小数` });
        else rule[f] = v;
      }
      if (errors.length) throw validationFailed(errors);
      const agencyId = actor.user.agencyId;
      const before = await ruleOf(agencyId);
      await deps.db.transaction().execute(async (trx) => {
        await assessmentRepository(trx).saveRule({ agencyId, ...rule, updatedBy: actor.user.id, updatedAt: deps.clock.now().toISOString() });
        await appendAuditEvent(trx, deps.clock, auditActor(actor), {
          action: 'assessment.rule.save', subjectType: 'agency', subjectId: agencyId, agencyId, before, after: rule,
        });
      });
      return rule;
    },
  };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;
