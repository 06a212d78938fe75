// 网页防篡改 (issue 8 part 4): every item is fingerprinted in the transaction that publishes,
// revises, repeals or imports it, and retired when it is taken down (撤稿). The monitor job
// re-hashes the published rows and re-reads the public files from the file store; whatever no
// longer matches was changed outside the application, and raises one alert per change: a
// tamper_alerts row, a notification to the disclosure office and an audit event, together.
import { appendAuditEvent, systemActor } from '../../core/audit/audit.ts';
import { authorize, requireSameAgency } from '../../core/authz/authz.ts';
import type { Db, DbOrTrx } from '../../core/db/database.ts';
import type { TamperAlertTable } from '../../core/db/schema.ts';
import { conflict, validationFailed } from '../../core/errors.ts';
import type { FileStore } from '../../core/files/file-store.ts';
import { newId } from '../../core/ids.ts';
import { enqueueJob } from '../../core/jobs/jobs.ts';
import { nowIso, type Clock } from '../../core/time/clock.ts';
import { auditActor, hasRole, type StaffActor } from '../accounts/index.ts';
import { changedFields, FIELD_LABELS, fingerprintOf, sha256Hex, type Fingerprint } from './tamper.fingerprint.ts';
import { tamperRepository } from './tamper.repository.ts';

export interface TamperDeps {
  db: Db;
  clock: Clock;
  files: FileStore;
}

export interface TamperChange { field: string; label: string; detail: string }
export type TamperAlert = Omit<TamperAlertTable, 'changes'> & { changes: TamperChange[] };

export const TAMPER_RESOLUTIONS = { restored: '已从备份恢复原内容', takenDown: '已撤稿', accepted: '核实为合法变更，按当前内容重新登记' } as const;
export type TamperResolution = keyof typeof TAMPER_RESOLUTIONS;
export const TAMPER_KIND_LABELS: Record<string, string> = { row: '数据库内容被改动', file: '附件文件被改动', status: '已发布信息被移出网站（无撤稿记录）' };

/** The disclosure office and the leaders watch the website (officer, leader). */
export const canSeeTamperAlerts = (actor: StaffActor) => hasRole(actor.user, 'officer', 'leader');

const MONITOR = systemActor('网页防篡改监测');

export const TAMPER_CHECK_JOB = 'monitor.tamper';
export const TAMPER_CHECK_NOW_JOB = 'monitor.tamperNow';

interface Finding { kind: 'row' | 'file' | 'status'; key: string; changes: TamperChange[] }

export function createTamperService(deps: TamperDeps) {
  const { db, clock, files } = deps;

  async function record(trx: DbOrTrx, itemId: string, action: string): Promise<void> {
    const repo = tamperRepository(trx);
    const snap = await repo.snapshot(itemId);
    if (!snap || snap.status !== 'published') return;
    const fp = fingerprintOf(snap);
    await repo.saveFingerprint({
      itemId, agencyId: snap.agencyId, version: snap.version, contentSha256: fp.contentSha256, fieldHashes: JSON.stringify(fp.fieldHashes),
      attachments: JSON.stringify(fp.attachments), recordedAt: nowIso(clock), recordedBy: action, retiredAt: null,
    });
  }

  /** The row-level differences between the recorded fingerprint and the item as stored now. */
  async function rowFindings(trx: DbOrTrx, itemId: string): Promise<{ findings: Finding[]; title: string; agencyId: string; version: number } | undefined> {
    const repo = tamperRepository(trx);
    const fp = await repo.fingerprint(itemId);
    if (!fp || fp.retiredAt) return undefined;
    const snap = await repo.snapshot(itemId);
    const base = { title: snap?.title ?? '（记录已被删除）', agencyId: fp.agencyId, version: Number(fp.version) };
    if (!snap || snap.status !== 'published') {
      const detail = snap ? `状态为“${snap.status}”，但没有经过撤稿流程` : '信息记录已被删除';
      return { ...base, findings: [{ kind: 'status', key: `${fp.contentSha256}:status:${snap?.status ?? 'deleted'}`, changes: [{ field: 'status', label: '发布状态', detail }] }] };
    }
    const now: Fingerprint = fingerprintOf(snap);
    if (now.contentSha256 === fp.contentSha256) return { ...base, findings: [] };
    const fields = changedFields(JSON.parse(fp.fieldHashes) as Record<string, string>, now.fieldHashes);
    const changes = fields.map((f) => ({ field: f, label: FIELD_LABELS[f], detail: `${FIELD_LABELS[f]}与发布时登记的内容不一致` }));
    return { ...base, findings: [{ kind: 'row', key: `${fp.contentSha256}:row:${now.contentSha256}`, changes }] };
  }

  /** Each recorded public file, re-read from the store: its bytes must still hash to its name. */
  async function fileFindings(recorded: string): Promise<Finding[]> {
    const out: Finding[] = [];
    for (const a of JSON.parse(recorded) as Fingerprint['attachments']) {
      let observed: string;
      try {
        observed = sha256Hex(await files.get(a.sha256));
      } catch {
        observed = 'missing';
      }
      if (observed === a.sha256) continue;
      const detail = observed === 'missing' ? `附件“${a.filename}”的文件已不存在` : `附件“${a.filename}”的文件内容已改变（SHA-256 ${observed.slice(0, 16)}…，登记为 ${a.sha256.slice(0, 16)}…）`;
      out.push({ kind: 'file', key: `file:${a.sha256}:${observed}`, changes: [{ field: `attachment:${a.attachmentId}`, label: '附件文件', detail }] });
    }
    return out;
  }

  async function raise(trx: DbOrTrx, itemId: string, subject: { title: string; agencyId: string; version: number }, f: Finding): Promise<boolean> {
    const repo = tamperRepository(trx);
    const at = nowIso(clock);
    const id = newId();
    const uniqueKey = `tamper:${itemId}:${f.key}`;
    const inserted = await repo.insertAlert({
      id, uniqueKey, agencyId: subject.agencyId, itemId, itemTitle: subject.title, version: subject.version, kind: f.kind,
      changes: JSON.stringify(f.changes), detectedAt: at, resolvedAt: null, resolvedBy: null, resolvedByName: null, resolution: null, resolutionNote: null,
    });
    if (!inserted) return false;
    const office = await repo.disclosureOffice(subject.agencyId);
    const title = `网页防篡改告警：“${subject.title}”${TAMPER_KIND_LABELS[f.kind]}`;
    await repo.insertNotification({
      id: newId(), uniqueKey, agencyId: subject.agencyId, departmentId: office?.id ?? null, userId: null, subjectType: 'tamperAlert', subjectId: id,
      kind: 'tamper.alert', title, body: `${f.changes.map((c) => c.detail).join('；')}。请核实，必要时立即撤稿并从备份恢复。`, createdAt: at, readAt: null,
    });
    await appendAuditEvent(trx, clock, MONITOR, {
      action: 'tamper.detected', subjectType: 'item', subjectId: itemId, agencyId: subject.agencyId,
      after: { alertId: id, kind: f.kind, changes: f.changes.map((c) => c.field) },
    });
    return true;
  }

  async function checkItem(itemId: string): Promise<number> {
    let raised = 0;
    const fp = await tamperRepository(db).fingerprint(itemId);
    const first = await rowFindings(db, itemId);
    if (!fp || !first) return 0;
    const fileOnes = await fileFindings(fp.attachments);
    if (first.findings.length === 0 && fileOnes.length === 0) return 0;
    await db.transaction().execute(async (trx) => {
      // Re-read inside the transaction: a revision committed meanwhile re-recorded the fingerprint,
      // and then neither finding is about the current reference (the next run checks that).
      const again = await rowFindings(trx, itemId);
      const current = await tamperRepository(trx).fingerprint(itemId);
      if (!again || current?.contentSha256 !== fp.contentSha256) return;
      for (const f of [...again.findings, ...fileOnes]) if (await raise(trx, itemId, again, f)) raised++;
    });
    return raised;
  }

  return {
    /** PublicationHooks for the review module: fingerprint at publication, retire at 撤稿. */
    publicationHooks: {
      beforePublish: async () => {},
      afterPublish: (trx: DbOrTrx, itemId: string) => record(trx, itemId, 'publish'),
      afterTakedown: (trx: DbOrTrx, itemId: string) => tamperRepository(trx).retire(itemId, nowIso(clock)),
    },
    /** For the catalog's published-changes path (revise, repeal, import): in the caller's transaction. */
    recordPublished: (trx: DbOrTrx, itemId: string, action: string) => record(trx, itemId, action),

    /**
     * The monitor job: baselines published items that have no fingerprint yet (published before
     * the monitor existed), then checks every live fingerprint. Returns what it did.
     */
    async check(): Promise<{ checked: number; baselined: number; alerts: number }> {
      const repo = tamperRepository(db);
      const missing = await repo.unfingerprinted();
      for (const id of missing) await db.transaction().execute((trx) => record(trx, id, 'baseline'));
      const ids = await repo.activeItemIds();
      let alerts = 0;
      for (const id of ids) alerts += await checkItem(id);
      return { checked: ids.length, baselined: missing.length, alerts };
    },

    /** 立即检查: queued for the worker (the check reads every public file, too long for a request). */
    async requestCheck(actor: StaffActor): Promise<void> {
      authorize(canSeeTamperAlerts(actor), '只有公开办和机关领导可以发起网页防篡改检查');
      // One pending on-demand check per minute is enough, however often the button is pressed.
      await enqueueJob(db, clock, TAMPER_CHECK_NOW_JOB, null, { uniqueKey: `${TAMPER_CHECK_NOW_JOB}:${nowIso(clock).slice(0, 16)}` });
    },

    async alerts(actor: StaffActor, opts: { open?: boolean } = {}): Promise<TamperAlert[]> {
      authorize(canSeeTamperAlerts(actor), '只有公开办和机关领导可以查看网页防篡改告警');
      const rows = await tamperRepository(db).alerts(actor.user.agencyId, opts.open ?? false);
      return rows.map((r) => ({ ...r, version: Number(r.version), changes: JSON.parse(r.changes) as TamperChange[] }));
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
