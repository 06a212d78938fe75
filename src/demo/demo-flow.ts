// Loads one agency's demo items through the catalog and review services, so index numbers,
// review records, the search index and the audit log are exactly what real use produces.
import { auditActor, type StaffActor } from '../modules/accounts/index.ts';
import type { ItemDetail, ItemDraftInput, ItemStatus } from '../modules/catalog/catalog.contract.ts';
import type { ReviewVerb } from '../modules/review/review.contract.ts';
import type { Services } from '../services.ts';
import type { PlannedItem } from './demo-catalog.ts';
import type { DemoItemSpec } from './demo-content.ts';
import { demoPdf } from './demo-files.ts';

export interface AgencyStaff {
  drafter(department: string): StaffActor;
  head(department: string): StaffActor;
  secrecy: StaffActor;
  leader: StaffActor;
  principal: StaffActor;
  officer: StaffActor;
}

export interface AgencyTarget {
  agencyId: string;
  issuer: string;
  columns: Map<string, string>;
  departments: Map<string, string>;
  /** The agency's own name for a department of the city template. */
  departmentName(cityName: string): string;
  staff: AgencyStaff;
}

const OPINIONS: Record<string, { opinion: string; basis: string }> = {
  departmentReview: { opinion: '内容准确、要素齐全，同意提交保密审查。', basis: '' },
  confidentialityReview: { opinion: '经审查，不涉及国家秘密、工作秘密，个人信息已去标识化，同意公开。', basis: '《中华人民共和国保守国家秘密法》；《中华人民共和国政府信息公开条例》第十四条、第十五条' },
  leaderApproval: { opinion: '同意发布。', basis: '' },
  principalApproval: { opinion: '同意。重大事项，请公开办同步做好解读和舆情应对。', basis: '' },
  officeCheck: { opinion: '已复核索引号、栏目和公开属性，同意发布。', basis: '' },
};
const SEND_BACK = { opinion: '正文中的面积和日期与原件不一致，附件不全，请核实补充后重新提交。', basis: '' };
const TAKEDOWN = { opinion: '公告中地块面积数据有误，先行撤稿，更正后重新发布。', basis: '' };

/** Plain lines of an item body, for its PDF attachment. */
function bodyLines(html: string): string[] {
  return html.replace(/<\/(p|tr|caption)>/g, '\n').replace(/<\/t[dh]>/g, '\u3000').replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
    .split('\n').map((l) => l.trim()).filter(Boolean);
}

function attachmentsOf(spec: DemoItemSpec): { filename: string; bytes: Buffer }[] {
  if (spec.attachment !== 'pdf') return [];
  const name = spec.title.replace(/[\\/:*?"<>|]/g, '').slice(0, 60);
  return [{ filename: `${name}.pdf`, bytes: demoPdf(spec.title, [spec.docNumber, ...bodyLines(spec.bodyHtml)].filter(Boolean)) }];
}

function draftInput(t: AgencyTarget, spec: DemoItemSpec, ids: Map<string, string>, extra: Partial<ItemDraftInput> = {}): ItemDraftInput {
  const columnId = t.columns.get(spec.column);
  const departmentId = t.departments.get(t.departmentName(spec.department));
  if (!columnId || !departmentId) throw new Error(`demo: unknown column ${spec.column} or department ${spec.department}`);
  return {
    columnId, departmentId, title: spec.title, docNumber: spec.docNumber, issuers: [t.issuer], writtenOn: spec.writtenOn,
    topic: spec.topic, summary: spec.summary, bodyHtml: spec.bodyHtml, disclosureMode: 'proactive', disclosureModeReason: '',
    scope: 'public', validity: 'inForce', isMajor: spec.isMajor ?? false,
    interpretsItemIds: (spec.interprets ?? []).map((k) => ids.get(k)).filter((x): x is string => Boolean(x)),
    ...extra,
  };
}

/** Moves a draft step by step until it reaches `target`, each step by the person who owns it. */
async function advance(services: Services, t: AgencyTarget, item: ItemDetail, department: string, target: ItemStatus, sentBack: boolean): Promise<ItemDetail> {
  const act = (who: StaffActor, verb: ReviewVerb, words: { opinion: string; basis: string }) => services.review.act(who, item.id, verb, words);
  let current = item;
  if (sentBack) {
    await act(t.staff.drafter(department), 'submit', { opinion: '', basis: '' });
    return act(t.staff.head(department), 'sendBack', SEND_BACK);
  }
  for (let guard = 0; current.status !== target && guard < 8; guard++) {
    const s = current.status;
    if (s === 'draft') current = await act(t.staff.drafter(department), 'submit', { opinion: '', basis: '' });
    else if (s === 'departmentReview') current = await act(t.staff.head(department), 'approve', OPINIONS[s]);
    else if (s === 'confidentialityReview') {
      // The reviewer masks what screening found (privacy module, 条例 第十五条) before approving.
      for (const f of await services.privacy.findingsOf(t.staff.secrecy, item.id))
        if (f.decision === 'pending') await services.privacy.decide(t.staff.secrecy, f.id, { decision: 'masked' });
      current = await act(t.staff.secrecy, 'approve', OPINIONS[s]);
    }
    else if (s === 'leaderApproval') current = await act(t.staff.leader, 'approve', OPINIONS[s]);
    else if (s === 'principalApproval') current = await act(t.staff.principal, 'approve', OPINIONS[s]);
    else if (s === 'officeCheck') current = await act(t.staff.officer, 'publish', OPINIONS[s]);
    else if (s === 'published') current = await act(t.staff.officer, 'takedown', TAKEDOWN);
    else break;
  }
  if (current.status !== target) throw new Error(`demo: item ${item.title} stopped at ${current.status}, wanted ${target}`);
  return current;
}

async function throughWorkflow(services: Services, t: AgencyTarget, spec: DemoItemSpec, ids: Map<string, string>, target: ItemStatus, sentBack = false, extra: Partial<ItemDraftInput> = {}): Promise<ItemDetail> {
  const department = t.departmentName(spec.department);
  const drafter = t.staff.drafter(department);
  const draft = await services.catalog.createDraft(drafter, draftInput(t, spec, ids, extra));
  for (const file of attachmentsOf(spec)) await services.catalog.addAttachment(drafter, draft.id, file);
  return advance(services, t, draft, department, target, sentBack);
}

async function importItem(services: Services, t: AgencyTarget, spec: DemoItemSpec, publishedOn: string): Promise<ItemDetail> {
  const input = draftInput(t, spec, new Map());
  return services.catalog.importPublished(auditActor(t.staff.officer), t.agencyId, {
    columnId: input.columnId, departmentId: input.departmentId, title: spec.title, docNumber: spec.docNumber, issuers: [t.issuer],
    writtenOn: spec.writtenOn, publishedOn, topic: spec.topic, summary: spec.summary, bodyHtml: spec.bodyHtml, attachments: attachmentsOf(spec),
  });
}

/** Repeals a published document and publishes its repeal notice (废止说明) through the workflow. */
async function repealWithNotice(services: Services, t: AgencyTarget, spec: DemoItemSpec, id: string): Promise<void> {
  if (!spec.repeal) return;
  await services.catalog.repeal(t.staff.officer, id, { repealedOn: spec.repeal.on, reason: spec.repeal.reason });
  const name = spec.title.match(/《(.+)》/)?.[1] ?? spec.title;
  const notice: DemoItemSpec = {
    ...spec, key: `${spec.key}-repeal`, writtenOn: spec.repeal.on, docNumber: '', attachment: undefined, isMajor: false, repeal: undefined,
    title: `关于废止《${name}》的说明`,
    summary: `《${name}》（${spec.docNumber}）自${spec.repeal.on}起废止。`,
    bodyHtml: `<p>《${name}》（${spec.docNumber}）自${spec.repeal.on}起废止。</p><p>废止原因：${spec.repeal.reason}。</p><p>废止前已依据该文件作出的具体行政行为继续有效。</p>`,
  };
  await throughWorkflow(services, t, notice, new Map(), 'published', false, { repealNoticeForItemId: id });
}

/** Loads every planned item of one agency; returns how many items were created. */
export async function loadAgencyItems(services: Services, t: AgencyTarget, planned: PlannedItem[]): Promise<number> {
  const ids = new Map<string, string>();
  let count = 0;
  for (const { spec, plan } of planned) {
    const item = plan.kind === 'import'
      ? await importItem(services, t, spec, plan.publishedOn)
      : await throughWorkflow(services, t, spec, ids, plan.status, plan.sentBack ?? false);
    ids.set(spec.key, item.id);
    count++;
  }
  for (const { spec } of planned) {
    if (spec.repeal) {
      await repealWithNotice(services, t, spec, ids.get(spec.key) ?? '');
      count++;
    }
  }
  return count;
}
