// The records of one agency the route-table security tests act on: besides the published item,
// draft, column, request and user the harness started with, one record of every other kind a
// console or staff API route names — attachments, an item in 保密审查 with a redaction area and a
// personal-information finding, a request being drafted with a reply file, an answered request
// with a refusal, its challenge and the quarter's withholding filing, an application's
// attachment, an issued notice, a notification to the office, a message, a coordination letter,
// an annual report and a tamper alert; and requests and messages assigned to the planning
// department and to another one, for the handling-department check. Built through the services as a real agency would.
import { newId } from '../../src/core/ids.ts';
import { draftInput, advanceTo, type Fixture } from '../factories.ts';
import { samplePdf } from '../helpers/sample-files.ts';
import type { TestServices } from '../helpers/test-services.ts';
import { online, VALID_ID } from '../requests/request-helpers.ts';

export interface AgencyRecords {
  itemId: string;
  draftId: string;
  columnId: string;
  requestId: string;
  trackingCode: string;
  userId: string;
  /** An attachment of the published item, read by every attachment route but the deletions. */
  attachmentId: string;
  /** Attachments of the published item each deletion route removes (API, console). */
  spareAttachmentIds: [string, string];
  /** An item in 保密审查 with an attachment, one marked area and a screening finding. */
  reviewItemId: string;
  reviewAttachmentId: string;
  areaId: string;
  findingId: string;
  /** A request assigned to the planning department, being drafted, with one reply file. */
  draftingRequestId: string;
  replyFileId: string;
  /** Reply files the deletion route removes, one for each role allowed to (drafter, department head). */
  spareReplyFileIds: [string, string];
  /** Text marks on the reply file the mark-deletion route removes, one for each role allowed to. */
  spareMarkIds: [string, string];
  /**
   * Requests and messages for the handling-department check: one assigned (routed) to the planning
   * department, where its drafter and head work, and one assigned to the farmland department.
   */
  department: { requestId: string; otherRequestId: string; messageId: string; otherMessageId: string };
  /** A request answered with a refusal (第三十六条), challenged, and filed in the quarter's filing. */
  answeredRequestId: string;
  challengeId: string;
  filingId: string;
  filingRowId: string;
  /** A request applied for with an ID scan attached. */
  attachedRequestId: string;
  applicationAttachmentId: string;
  noticeId: string;
  /** The tamper alert's notification, addressed to the disclosure office (its members' inbox). */
  notificationId: string;
  messageId: string;
  letterId: string;
  reportId: string;
  alertId: string;
}

const pdf = (text: string) => ({ filename: '附件.pdf', bytes: samplePdf([text]) });

async function answeredRequest(s: TestServices, fx: Fixture): Promise<string> {
  const { requestId } = await s.requests.apply(online(fx.agency.id, { applicantName: '李四' }), '203.0.113.9');
  await s.requests.act(fx.actor('officer'), requestId, 'accept', { note: '' });
  await s.requests.act(fx.actor('officer'), requestId, 'assign', { note: '', departmentIds: [fx.departments.planning.id] });
  await s.requests.act(fx.actor('drafter'), requestId, 'startDrafting', { note: '' });
  await s.requests.replies.saveDraft(fx.actor('drafter'), requestId, {
    opinion: '',
    items: [{ description: '征收工作内部会议纪要', replyType: 'notDisclosed', decision: 'refused:processInformation', explanation: '属于过程性信息' }],
  });
  await s.requests.act(fx.actor('drafter'), requestId, 'submitReply', { note: '请审核' });
  await s.requests.act(fx.actor('officer'), requestId, 'approve', { note: '' });
  return requestId;
}

async function draftingRequest(s: TestServices, fx: Fixture): Promise<{ requestId: string; fileIds: string[]; markIds: [string, string] }> {
  const { requestId } = await s.requests.apply(online(fx.agency.id, { deliveryMethod: 'paper' }), '203.0.113.9');
  await s.requests.act(fx.actor('officer'), requestId, 'accept', { note: '' });
  await s.requests.act(fx.actor('officer'), requestId, 'assign', { note: '', departmentIds: [fx.departments.planning.id] });
  await s.requests.act(fx.actor('drafter'), requestId, 'startDrafting', { note: '' });
  const reply = await s.requests.replies.saveDraft(fx.actor('drafter'), requestId, {
    opinion: '', items: [{ description: '征收补偿安置方案', replyType: 'disclosed', decision: 'granted', explanation: '予以公开。' }],
  });
  const fileIds = [];
  for (const text of ['Compensation plan', 'Spare one', 'Spare two'])
    fileIds.push(await s.replyFiles.upload(fx.actor('drafter'), requestId, { ...pdf(text), replyItemId: reply.items[0].id }));
  await s.replyFiles.redact(fx.actor('drafter'), requestId, fileIds[0], { texts: [{ text: 'Compensation' }, { text: 'plan' }], reason: 'thirdPartyRights' });
  const marks = await s.database.db.selectFrom('replyFileRedactions').select('id').where('replyFileId', '=', fileIds[0]).orderBy('id').execute();
  return { requestId, fileIds, markIds: [marks[0].id, marks[1].id] as [string, string] };
}

/** A request assigned to a department and, for the planning department, taken up by its drafter. */
async function assignedRequest(s: TestServices, fx: Fixture, department: 'planning' | 'farmland'): Promise<string> {
  const { requestId } = await s.requests.apply(online(fx.agency.id), '203.0.113.9');
  await s.requests.act(fx.actor('officer'), requestId, 'accept', { note: '' });
  await s.requests.act(fx.actor('officer'), requestId, 'assign', { note: '', departmentIds: [fx.departments[department].id] });
  if (department === 'planning') await s.requests.act(fx.actor('drafter'), requestId, 'startDrafting', { note: '' });
  return requestId;
}

async function routedMessage(s: TestServices, fx: Fixture, department: 'planning' | 'farmland'): Promise<string> {
  const receipt = await s.participation.submit({
    agencyId: fx.agency.id, idempotencyKey: `security-${newId()}`, kind: 'consultation', askerName: '王小明', phone: '13812346333',
    email: '', subject: '耕地占补平衡咨询', content: '想咨询耕地占补平衡指标如何取得？', consentToPublish: false,
  }, '203.0.113.9');
  const message = await s.database.db.selectFrom('messages').select('id').where('trackingCode', '=', receipt.trackingCode).executeTakeFirstOrThrow();
  await s.participation.route(fx.actor('officer'), message.id, fx.departments[department].id);
  return message.id;
}

/** Items, attachments, the redaction area and the finding. */
async function itemRecords(s: TestServices, fx: Fixture, columnId: string) {
  const drafter = fx.actor('drafter');
  const published = await s.catalog.createDraft(drafter, draftInput(columnId, { title: '关于公布征地区片综合地价的通知' }));
  const attachments = [];
  for (const name of ['地价表', '备用一', '备用二']) attachments.push(await s.catalog.addAttachment(drafter, published.id, pdf(name)));
  await advanceTo(s, fx, published.id, 'published');
  // The body names a person with an ID number: screening finds it for the confidentiality reviewer.
  const review = await s.catalog.createDraft(drafter, draftInput(columnId, {
    title: '征地补偿登记结果公示', bodyHtml: `<p>被征收户：王小明，身份证号 ${VALID_ID}，补偿金额 12 万元。</p>`,
  }));
  const reviewAttachment = await s.catalog.addAttachment(drafter, review.id, pdf('Registration'));
  await advanceTo(s, fx, review.id, 'confidentialityReview');
  const [areaId] = await s.redaction.addArea(fx.actor('confidentialityReviewer'), review.id, reviewAttachment.id, {
    page: 1, x: 0, y: 700, width: 100, height: 20, reason: 'thirdPartyRights',
  });
  const finding = await s.database.db.selectFrom('privacyFindings').select('id').where('itemId', '=', review.id).executeTakeFirstOrThrow();
  return {
    itemId: published.id, attachmentId: attachments[0].id, spareAttachmentIds: [attachments[1].id, attachments[2].id] as [string, string],
    reviewItemId: review.id, reviewAttachmentId: reviewAttachment.id, areaId, findingId: finding.id,
  };
}

export async function createAgencyRecords(s: TestServices, fx: Fixture, columnId: string): Promise<Omit<AgencyRecords, 'draftId' | 'columnId' | 'requestId' | 'trackingCode' | 'userId'>> {
  const officer = fx.actor('officer');
  const items = await itemRecords(s, fx, columnId);
  const drafting = await draftingRequest(s, fx);
  const answeredRequestId = await answeredRequest(s, fx);
  const today = s.clock.now().toISOString().slice(0, 10);
  const challenge = await s.requests.challenges.record(officer, answeredRequestId, {
    kind: 'reconsideration', body: '赣州市人民政府', filedOn: today, result: 'pending',
  });
  const year = Number(today.slice(0, 4));
  const filing = await s.requests.filings.generate(officer, { year, quarter: Math.ceil(Number(today.slice(5, 7)) / 3) });
  const attached = await s.requests.apply(online(fx.agency.id), '203.0.113.9', [{ purpose: 'idScan', filename: '身份证.pdf', bytes: samplePdf(['ID scan']) }]);
  const attachedRequest = await s.requests.get(officer, attached.requestId);
  const [notice] = await s.notices.listForRequest(answeredRequestId);
  const receipt = await s.participation.submit({
    agencyId: fx.agency.id, idempotencyKey: `security-${newId()}`, kind: 'consultation', askerName: '王小明', phone: '13812346333',
    email: '', subject: '宅基地审批咨询', content: '想咨询沙河镇宅基地审批需要哪些材料？', consentToPublish: true,
  }, '203.0.113.9');
  const message = await s.database.db.selectFrom('messages').select('id').where('trackingCode', '=', receipt.trackingCode).executeTakeFirstOrThrow();
  const department = {
    requestId: await assignedRequest(s, fx, 'planning'), otherRequestId: await assignedRequest(s, fx, 'farmland'),
    messageId: await routedMessage(s, fx, 'planning'), otherMessageId: await routedMessage(s, fx, 'farmland'),
  };
  const letter = await s.officeRecords.coordination.send(officer, items.reviewItemId, {
    recipientAgency: '赣州市住房和城乡建设局', recipientContact: '刘科长 0797-1234567', question: '公告所涉安置房数据是否与贵局一致？',
  });
  const report = await s.annualReports.create(officer, year - 1);
  // Tampering is an edit behind the application's back: the monitor's check raises the alert.
  await s.database.db.updateTable('items').set({ bodyHtml: '<p>被篡改的正文</p>' }).where('id', '=', items.itemId).execute();
  await s.tamper.check({ agencyId: fx.agency.id });
  const [alert] = await s.tamper.alerts(officer, { open: true });
  const notification = await s.database.db.selectFrom('notifications').select('id').where('subjectId', '=', alert.id).executeTakeFirstOrThrow();
  return {
    ...items, draftingRequestId: drafting.requestId, replyFileId: drafting.fileIds[0],
    spareReplyFileIds: [drafting.fileIds[1], drafting.fileIds[2]], spareMarkIds: drafting.markIds, department,
    answeredRequestId, challengeId: challenge.id, filingId: filing.id, filingRowId: filing.rows[0].id,
    attachedRequestId: attached.requestId, applicationAttachmentId: attachedRequest.attachments[0].id,
    noticeId: notice.id, notificationId: notification.id, messageId: message.id, letterId: letter.id, reportId: report.id, alertId: alert.id,
  };
}
