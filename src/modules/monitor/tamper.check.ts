// The monitor run of 网页防篡改 (issue 8 part 4). It re-hashes the published rows and re-reads the
// public files from the file store; whatever no longer matches the fingerprint recorded at
// publication was changed outside the application, and raises one alert per change: a
// tamper_alerts row, a notification to the disclosure office and an audit event, together.
// Items without a fingerprint are never accepted silently: one the monitor never saw published is
// recorded as a baseline (audited, listed for the office to check), one that had a fingerprint
// (the registry says so) raises an alert; so does an item back on the website after a 撤稿.
import { appendAuditEvent, systemActor } from '../../core/audit/audit.ts';
import type { Db, DbOrTrx } from '../../core/db/database.ts';
import type { FileStore } from '../../core/files/file-store.ts';
import { newId } from '../../core/ids.ts';
import { nowIso, type Clock } from '../../core/time/clock.ts';
import { changedFields, FIELD_LABELS, fingerprintOf, sha256Hex, type Fingerprint } from './tamper.fingerprint.ts';
import { tamperRepository } from './tamper.repository.ts';

export interface TamperChange { field: string; label: string; detail: string }
export type TamperKind = 'row' | 'file' | 'status' | 'fingerprint' | 'reappeared';
export const TAMPER_KIND_LABELS: Record<string, string> = {
  row: '数据库内容被改动', file: '附件文件被改动', status: '已发布信息被移出网站（无撤稿记录）',
  fingerprint: '发布时的防篡改登记被删除', reappeared: '已撤稿的信息重新出现在网站上',
};

/** What one run did: items compared, baselines recorded, alerts raised now, alerts still open (in the run's scope). */
export interface TamperCheckResult { checked: number; baselined: number; alerts: number; open: number }

interface Finding { kind: TamperKind; key: string; changes: TamperChange[] }
interface Subject { title: string; agencyId: string; version: number }

const MONITOR = systemActor('网页防篡改监测');

export function createTamperCheck(deps: { db: Db; clock: Clock; files: FileStore }) {
  const { db, clock, files } = deps;

  /** Fingerprints the item as published now. A baseline never replaces an existing fingerprint. Returns whether it recorded one. */
  async function record(trx: DbOrTrx, itemId: string, action: string): Promise<boolean> {
    const repo = tamperRepository(trx);
    const snap = await repo.snapshot(itemId);
    if (!snap || snap.status !== 'published') return false;
    const fp = fingerprintOf(snap);
    const baseline = action === 'baseline';
    return repo.saveFingerprint({
      itemId, agencyId: snap.agencyId, version: snap.version, contentSha256: fp.contentSha256, fieldHashes: JSON.stringify(fp.fieldHashes),
      attachments: JSON.stringify(fp.attachments), recordedAt: nowIso(clock), recordedBy: action, retiredAt: null,
      origin: baseline ? 'baseline' : 'publication', baselineCheckedAt: null, baselineCheckedBy: null,
    }, { onlyIfMissing: baseline });
  }

  /** The row-level differences between the recorded fingerprint and the item as stored now. */
  async function rowFindings(trx: DbOrTrx, itemId: string): Promise<{ findings: Finding[]; subject: Subject } | undefined> {
    const repo = tamperRepository(trx);
    const fp = await repo.fingerprint(itemId);
    if (!fp || fp.retiredAt) return undefined;
    const snap = await repo.snapshot(itemId);
    const subject = { title: snap?.title ?? '（记录已被删除）', agencyId: fp.agencyId, version: Number(fp.version) };
    if (!snap || snap.status !== 'published') {
      const detail = snap ? `状态为“${snap.status}”，但没有经过撤稿流程` : '信息记录已被删除';
      return { subject, findings: [{ kind: 'status', key: `${fp.contentSha256}:status:${snap?.status ?? 'deleted'}`, changes: [{ field: 'status', label: '发布状态', detail }] }] };
    }
    const now: Fingerprint = fingerprintOf(snap);
    if (now.contentSha256 === fp.contentSha256) return { subject, findings: [] };
    const fields = changedFields(JSON.parse(fp.fieldHashes) as Record<string, string>, now.fieldHashes);
    const changes = fields.map((f) => ({ field: f, label: FIELD_LABELS[f], detail: `${FIELD_LABELS[f]}与发布时登记的内容不一致` }));
    return { subject, findings: [{ kind: 'row', key: `${fp.contentSha256}:row:${now.contentSha256}`, changes }] };
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

  async function raise(trx: DbOrTrx, itemId: string, subject: Subject, f: Finding): Promise<boolean> {
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
      for (const f of [...again.findings, ...fileOnes]) if (await raise(trx, itemId, again.subject, f)) raised++;
    });
    return raised;
  }

  /**
   * Published items without a fingerprint. Never fingerprinted (published before the monitor
   * existed, or put on the website outside the application): recorded as baselines, one
   * transaction and one audit event per agency naming them. Fingerprinted before: an alert.
   */
  async function unfingerprinted(agencyId: string | undefined): Promise<{ baselined: number; alerts: number }> {
    const missing = await tamperRepository(db).unfingerprinted(agencyId);
    let alerts = 0;
    for (const m of missing.filter((x) => x.registeredAt !== null)) {
      await db.transaction().execute(async (trx) => {
        if (await tamperRepository(trx).fingerprint(m.id)) return;
        const detail = `发布时登记的内容摘要（${m.registeredAt!.slice(0, 10)} 首次登记）已被删除，无法核对内容是否被改动`;
        const f: Finding = { kind: 'fingerprint', key: `fingerprint:missing:${m.registeredAt}`, changes: [{ field: 'fingerprint', label: '防篡改登记', detail }] };
        if (await raise(trx, m.id, { title: m.title, agencyId: m.agencyId, version: Number(m.version) }, f)) alerts++;
      });
    }
    const fresh = missing.filter((x) => x.registeredAt === null);
    let baselined = 0;
    for (const agency of [...new Set(fresh.map((x) => x.agencyId))]) {
      await db.transaction().execute(async (trx) => {
        const itemIds: string[] = [];
        for (const m of fresh.filter((x) => x.agencyId === agency)) if (await record(trx, m.id, 'baseline')) itemIds.push(m.id);
        if (itemIds.length === 0) return;
        await appendAuditEvent(trx, clock, MONITOR, {
          action: 'tamper.baseline', subjectType: 'agency', subjectId: agency, agencyId: agency, after: { count: itemIds.length, itemIds },
        });
        baselined += itemIds.length;
      });
    }
    return { baselined, alerts };
  }

  /** Items on the website again after a 撤稿: the application never publishes a taken-down item. */
  async function republished(agencyId: string | undefined): Promise<number> {
    let alerts = 0;
    for (const r of await tamperRepository(db).republished(agencyId)) {
      const f: Finding = {
        kind: 'reappeared', key: `reappeared:${r.retiredAt}`,
        changes: [{ field: 'status', label: '发布状态', detail: `该信息已于 ${r.retiredAt!.slice(0, 10)} 撤稿，现又处于已发布状态，但没有经过发布流程` }],
      };
      await db.transaction().execute(async (trx) => {
        if (await raise(trx, r.id, { title: r.title, agencyId: r.agencyId, version: Number(r.version) }, f)) alerts++;
      });
    }
    return alerts;
  }

  return {
    record,
    /** `signal` (the job's): the item loop stops between items once it is aborted. */
    async check(opts: { agencyId?: string; signal?: AbortSignal } = {}): Promise<TamperCheckResult> {
      const repo = tamperRepository(db);
      const missing = await unfingerprinted(opts.agencyId);
      let alerts = missing.alerts + (await republished(opts.agencyId));
      const ids = await repo.activeItemIds(opts.agencyId);
      for (const id of ids) {
        opts.signal?.throwIfAborted();
        alerts += await checkItem(id);
      }
      return { checked: ids.length, baselined: missing.baselined, alerts, open: await repo.openAlertCount(opts.agencyId) };
    },
  };
}
