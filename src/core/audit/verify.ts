// Walks the audit chain from the first event and reports the first one that does not match:
// an altered field (hash mismatch), a deleted row (sequence gap or broken link), or a cut tail
// (the head row names a later event than the last one present).
import type { Db } from '../db/database.ts';
import { eventHash } from './audit.ts';

export type AuditVerification =
  | { ok: true; events: number; headHash: string }
  | { ok: false; events: number; brokenSeq: number; brokenId: string | null; reason: string };

const PAGE = 5000;

export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  let prevHash = '0'.repeat(64);
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('auditEvents')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq)
        return { ok: false, events: count, brokenSeq: expectedSeq, brokenId: null, reason: `事件 #${expectedSeq} 缺失（已被删除）` };
      if (row.prevHash !== prevHash)
        return { ok: false, events: count, brokenSeq: row.seq, brokenId: row.id, reason: `事件 #${row.seq} 的前序哈希与上一事件不符` };
      if (eventHash(row) !== row.hash)
        return { ok: false, events: count, brokenSeq: row.seq, brokenId: row.id, reason: `事件 #${row.seq} 的内容已被改动` };
      prevHash = row.hash;
      expectedSeq++;
      count++;
    }
    if (rows.length < PAGE) break;
  }
  const head = await db.selectFrom('auditHead').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  if (head.seq !== count)
    return { ok: false, events: count, brokenSeq: count + 1, brokenId: null, reason: `链头记录到事件 #${head.seq}，但只找到 ${count} 个事件（末尾事件被删除）` };
  if (head.hash !== prevHash)
    return { ok: false, events: count, brokenSeq: count, brokenId: null, reason: '链头哈希与最后一个事件不符' };
  return { ok: true, events: count, headHash: prevHash };
}
