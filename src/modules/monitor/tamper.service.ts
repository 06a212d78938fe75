// 网页防篡改 (issue 8 part 4): every item is fingerprinted in the transaction that publishes,
// revises, repeals or imports it, and retired when it is taken down (撤稿), which also closes its
// open alerts naming the takedown. The monitor run is in tamper.check.ts; here are the hooks, the
// office's use cases (alerts, their resolution, checking baselines) and the on-demand check.
import { appendAuditEvent } from '../../core/audit/audit.ts';
import { authorize, requireSameAgency } from '../../core/authz/authz.ts';
import type { Db, DbOrTrx } from '../../core/db/database.ts';
import type { TamperAlertTable } from '../../core/db/schema.ts';
import { conflict, validationFailed } from '../../core/errors.ts';
import type { FileStore } from '../../core/files/file-store.ts';
import { enqueueJob } from '../../core/jobs/jobs.ts';
import { nowIso, type Clock } from '../../core/time/clock.ts';
import { auditActor, hasRole, type StaffActor } from '../accounts/index.ts';
import { createTamperCheck, type TamperChange } from './tamper.check.ts';
import { fingerprintOf } from './tamper.fingerprint.ts';
import { tamperRepository } from './tamper.repository.ts';

export { TAMPER_KIND_LABELS, type TamperChange, type TamperCheckResult } from './tamper.check.ts';

export interface TamperDeps {
  db: Db;
  clock: Clock;
  files: FileStore;
}

export type TamperAlert = Omit<TamperAlertTable, 'changes'> & { changes: TamperChange[] };

/** Items the monitor fingerprinted as it found them, for the office to check against the original documents. */
export interface TamperBaselines { count: number; items: { itemId: string; title: string; docNumber: string; publishedOn: string | null; recordedAt: string }[] }

export const TAMPER_RESOLUTIONS = { restored: '已从备份恢复原内容', takenDown: '已撤稿', accepted: '核实为合法变更，按当前内容重新登记' } as const;
export type TamperResolution = keyof typeof TAMPER_RESOLUTIONS;

/** The disclosure office and the leaders watch the website (officer, leader). */
export const canSeeTamperAlerts = (actor: StaffActor) => hasRole(actor.user, 'officer', 'leader');

export const TAMPER_CHECK_JOB = 'monitor.tamper';
export const TAMPER_CHECK_NOW_JOB = 'monitor.tamperNow';

/** The baselines listed on /console/tamper at once (the count covers them all). */
const BASELINE_LIST_LIMIT = 200;

const toAlert = (r: TamperAlertTable): TamperAlert => ({ ...r, version: Number(r.version), changes: JSON.parse(r.changes) as TamperChange[] });

export function createTamperService(deps: TamperDeps) {
  const { db, clock } = deps;
  const monitor = createTamperCheck(deps);
  const record = monitor.record;

  /** 撤稿 through the review workflow: the fingerprint retires and the item's open alerts are closed as taken down, naming who and why. */
  async function afterTakedown(trx: DbOrTrx, itemId: string, takedown?: { actor: StaffActor; reason: string }): Promise<void> {
    const repo = tamperRepository(trx);
    const at = nowIso(clock);
    await repo.retire(itemId, at);
    if (!takedown) return;
    const { actor, reason } = takedown;
    for (const alert of await repo.openAlertsOfItem(itemId)) {
      const note = `已撤稿（${actor.user.displayName}）：${reason}`;
      await repo.resolve(alert.id, { resolvedAt: at, resolvedBy: actor.user.id, resolvedByName: actor.user.displayName, resolution: 'takenDown', resolutionNote: note });
      await appendAuditEvent(trx, clock, auditActor(actor), {
        action: 'tamper.resolve', subjectType: 'item', subjectId: itemId, agencyId: alert.agencyId,
        after: { alertId: alert.id, resolution: 'takenDown', note, via: 'item.takedown' },
      });
    }
  }

  return {
    /** PublicationHooks for the review module: fingerprint at publication, retire at 撤稿. */
    publicationHooks: {
      beforePublish: async () => {},
      afterPublish: async (trx: DbOrTrx, itemId: string) => {
        await record(trx, itemId, 'publish');
      },
      afterTakedown,
    },
    /** For the catalog's published-changes path (revise, repeal, import): in the caller's transaction. */
    recordPublished: async (trx: DbOrTrx, itemId: string, action: string) => {
      await record(trx, itemId, action);
    },

    /** The monitor run (the daily job, the on-demand job, `gongkai tamper check`): every agency, or one. */
    check: (opts: { agencyId?: string; signal?: AbortSignal } = {}) => monitor.check(opts),

    /** Open alerts for the command line (every agency, or one), newest first. */
    openAlerts: async (agencyId?: string) => (await tamperRepository(db).alerts(agencyId, true)).map(toAlert),

    /** 立即检查: queued for the worker (the check reads every public file, too long for a request). */
    async requestCheck(actor: StaffActor): Promise<void> {
      authorize(canSeeTamperAlerts(actor), '只有公开办和机关领导可以发起网页防篡改检查');
      // One pending on-demand check per minute is enough, however often the button is pressed.
      await enqueueJob(db, clock, TAMPER_CHECK_NOW_JOB, null, { uniqueKey: `${TAMPER_CHECK_NOW_JOB}:${nowIso(clock).slice(0, 16)}` });
    },

    async alerts(actor: StaffActor, opts: { open?: boolean } = {}): Promise<TamperAlert[]> {
      authorize(canSeeTamperAlerts(actor), '只有公开办和机关领导可以查看网页防篡改告警');
      return (await tamperRepository(db).alerts(actor.user.agencyId, opts.open ?? false)).map(toAlert);
    },

    /** One alert of the actor's agency, open or resolved (the inbox links to it). */
    async alert(actor: StaffActor, alertId: string): Promise<TamperAlert> {
      authorize(canSeeTamperAlerts(actor), '只有公开办和机关领导可以查看网页防篡改告警');
      const row = await tamperRepository(db).alert(alertId);
      requireSameAgency(actor.user, row);
      return toAlert(row!);
    },

    async baselines(actor: StaffActor): Promise<TamperBaselines> {
      authorize(canSeeTamperAlerts(actor), '只有公开办和机关领导可以查看网页防篡改告警');
      const { count, rows } = await tamperRepository(db).pendingBaselines(actor.user.agencyId, BASELINE_LIST_LIMIT);
      return { count, items: rows.map((r) => ({ itemId: r.itemId, title: r.title, docNumber: r.docNumber, publishedOn: r.publishedOn ?? null, recordedAt: r.recordedAt })) };
    },

    /**
     * The office checked a baselined item against the original document: the baseline becomes a
     * verified reference. Refused when the item changed since the baseline (that is an alert to handle).
     */
    async confirmBaseline(actor: StaffActor, itemId: string): Promise<void> {
      authorize(canSeeTamperAlerts(actor), '只有公开办和机关领导可以核对网页防篡改基线');
      await db.transaction().execute(async (trx) => {
        const repo = tamperRepository(trx);
        const fp = await repo.fingerprint(itemId);
        requireSameAgency(actor.user, fp);
        if (fp!.origin !== 'baseline' || fp!.baselineCheckedAt || fp!.retiredAt) throw conflict('TAMPER_BASELINE_NOT_PENDING', '该信息没有待核对的基线');
        const snap = await repo.snapshot(itemId);
        if (!snap || snap.status !== 'published' || fingerprintOf(snap).contentSha256 !== fp!.contentSha256)
          throw conflict('TAMPER_BASELINE_CHANGED', '该信息的内容与建立基线时不一致，请先检查并处理告警');
        const at = nowIso(clock);
        if (!(await repo.markBaselineChecked(itemId, at, actor.user.displayName))) throw conflict('TAMPER_BASELINE_NOT_PENDING', '该信息没有待核对的基线');
        await appendAuditEvent(trx, clock, auditActor(actor), {
          action: 'tamper.baselineChecked', subjectType: 'item', subjectId: itemId, agencyId: fp!.agencyId,
          after: { contentSha256: fp!.contentSha256, baselineRecordedAt: fp!.recordedAt },
        });
      });
    },

    async resolve(actor: StaffActor, alertId: string, input: { resolution: string; note: string }): Promise<void> {
      authorize(canSeeTamperAlerts(actor), '只有公开办和机关领导可以处理网页防篡改告警');
      const resolution = input.resolution as TamperResolution;
      const note = (input.note ?? '').trim();
      const errors = [];
      if (!Object.hasOwn(TAMPER_RESOLUTIONS, resolution)) errors.push({ field: 'resolution', message: '请选择处理方式' });
      if (!note) errors.push({ field: 'note', message: '请填写处理说明' });
      if (note.length > 2000) errors.push({ field: 'note', message: '处理说明不能超过 2000 字' });
      if (errors.length) throw validationFailed(errors);
      await db.transaction().execute(async (trx) => {
        const repo = tamperRepository(trx);
        const alert = await repo.alert(alertId);
        requireSameAgency(actor.user, alert);
        const snap = await repo.snapshot(alert!.itemId);
        if (resolution === 'takenDown' && snap?.status === 'published') throw conflict('TAMPER_NOT_TAKEN_DOWN', '该信息仍在网站上，请先撤稿');
        // A deleted fingerprint "restored" must really be back, else the item would stay unchecked for good.
        if (resolution === 'restored' && alert!.kind === 'fingerprint' && !(await repo.fingerprint(alert!.itemId)))
          throw conflict('TAMPER_FINGERPRINT_MISSING', '登记记录尚未恢复；如已核实当前内容无误，请选择“核实为合法变更，按当前内容重新登记”');
        const at = nowIso(clock);
        const ok = await repo.resolve(alertId, { resolvedAt: at, resolvedBy: actor.user.id, resolvedByName: actor.user.displayName, resolution, resolutionNote: note });
        if (!ok) throw conflict('TAMPER_ALREADY_RESOLVED', '该告警已被处理');
        // Accepting the change as legitimate makes the current content the new reference.
        if (resolution === 'accepted') await record(trx, alert!.itemId, 'accepted');
        await appendAuditEvent(trx, clock, auditActor(actor), {
          action: 'tamper.resolve', subjectType: 'item', subjectId: alert!.itemId, agencyId: alert!.agencyId,
          after: { alertId, resolution, note },
        });
      });
    },
  };
}

export type TamperService = ReturnType<typeof createTamperService>;
