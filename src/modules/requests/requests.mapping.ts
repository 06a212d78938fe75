// Rows → the contract's shapes. Personal data leaves masked unless a use case says otherwise;
// the applicant's view carries only what was meant for them.
import type { RequestEventTable, RequestPauseTable, RequestTable } from '../../core/db/schema.ts';
import type { WorkingDayCalendar } from '../../core/time/calendar.ts';
import { deadlineState } from '../../core/time/deadline.ts';
import { maskName, maskPhone } from '../../core/text/mask.ts';
import { replyDeadline } from './request.deadlines.ts';
import { REQUEST_STATUS_LABELS, REQUEST_VERB_LABELS, isOpen, type RequestStatus, type RequestVerb } from './request.workflow.ts';
import { REPLY_OWED_STATUSES } from './requests.repository.ts';
import type {
  ApplicantType, Channel, DeliveryMethod, IdType, PauseInfo, RequestDetail, RequestSummary, TimelineEvent, TrackingView,
} from './requests.contract.ts';

/** Timeline labels for events that are not verbs. */
const EVENT_LABELS: Record<string, string> = {
  received: '收到申请',
  registered: '登记申请',
  extension: '延期答复',
  split: '拆分申请',
  splitFrom: '由其他申请拆分而来',
  mergedIn: '合并了重复申请',
  calendarChanged: '工作日历调整，期限重新计算',
};

/** What the applicant reads on /track for each visible event. */
const APPLICANT_LABELS: Record<string, string> = {
  received: '已收到您的申请',
  registered: '已收到您的申请',
  splitFrom: '按“一事一申请”拆分为单独的申请',
  requestCorrection: '已向您发出补正通知',
  receiveCorrection: '已收到补正材料，重新计算答复期限',
  accept: '申请已受理',
  extension: '延期答复告知',
  startConsultation: '征求意见，暂停计时（征求意见期间不计入答复期限）',
  endConsultation: '征求意见结束，恢复计时',
  approve: '答复已审定',
  deliver: '答复已送达',
  close: '办结',
  withdraw: '申请已撤回',
  abandon: '逾期未补正，不再处理该申请',
  calendarChanged: '节假日安排调整，期限相应调整',
};

export function eventLabel(kind: string): string {
  return EVENT_LABELS[kind] ?? REQUEST_VERB_LABELS[kind as RequestVerb] ?? kind;
}

export function dueStateOf(calendar: WorkingDayCalendar, row: Pick<RequestTable, 'status' | 'replyDueOn'>, todayOn: string): RequestSummary['dueState'] {
  if (!row.replyDueOn || !REPLY_OWED_STATUSES.includes(row.status as RequestStatus)) return null;
  return deadlineState(calendar, row.replyDueOn, todayOn);
}

export function maskedApplicantName(row: Pick<RequestTable, 'applicantType' | 'applicantName'>): string {
  return row.applicantType === 'person' ? maskName(row.applicantName) : row.applicantName;
}

export function toSummary(row: RequestTable, departments: { name: string }[], calendar: WorkingDayCalendar, todayOn: string): RequestSummary {
  return {
    id: row.id,
    agencyId: row.agencyId,
    trackingCode: row.trackingCode,
    channel: row.channel as Channel,
    applicantType: row.applicantType as ApplicantType,
    applicantNameMasked: maskedApplicantName(row),
    infoDescription: row.infoDescription,
    status: row.status as RequestStatus,
    receivedOn: row.receivedOn,
    replyDueOn: row.replyDueOn,
    dueState: dueStateOf(calendar, row, todayOn),
    handlingDepartmentNames: departments.map((d) => d.name),
    outcome: row.outcome,
    closedOn: row.closedOn,
  };
}

export function toPauseInfo(p: RequestPauseTable): PauseInfo {
  return { id: p.id, kind: p.kind, partyName: p.partyName, startedOn: p.startedOn, endedOn: p.endedOn, windowDueOn: p.windowDueOn, result: p.result };
}

export function toTimeline(events: RequestEventTable[]): TimelineEvent[] {
  return events.map((e) => ({ at: e.at, actorName: e.actorName, kind: e.kind, label: eventLabel(e.kind), note: e.note, visibleToApplicant: e.visibleToApplicant === 1 }));
}

export function toDetail(
  row: RequestTable,
  parts: {
    departments: { id: string; name: string; isLead: number }[];
    pauses: RequestPauseTable[];
    events: RequestEventTable[];
    attachments: RequestDetail['attachments'];
  },
  calendar: WorkingDayCalendar,
  todayOn: string,
): RequestDetail {
  const status = row.status as RequestStatus;
  const clockRuns = isOpen(status) && status !== 'awaitingApplicant' && status !== 'delivered';
  const reply = clockRuns ? replyDeadline(calendar, { receivedOn: row.receivedOn, extensionDays: Number(row.extensionDays), pauses: parts.pauses }, todayOn) : null;
  return {
    ...toSummary(row, parts.departments, calendar, todayOn),
    kind: row.kind === 'recordCorrection' ? 'recordCorrection' : 'disclosure',
    applicantName: row.applicantName,
    idType: row.idType as IdType,
    idNumberMasked: row.idNumberMasked,
    legalRepresentative: row.legalRepresentative,
    agentName: row.agentName,
    agentIdNumberMasked: row.agentIdNumberMasked,
    // Rows from before phone encryption hold the number itself until rotate-keys masks them.
    phoneMasked: row.phone.includes('*') ? row.phone : maskPhone(row.phone),
    email: row.email,
    address: row.address,
    postcode: row.postcode,
    infoTitle: row.infoTitle,
    infoDocNumber: row.infoDocNumber,
    purpose: row.purpose,
    deliveryMethod: row.deliveryMethod as DeliveryMethod,
    feeWaiverRequested: row.feeWaiverRequested === 1,
    feeWaiverReason: row.feeWaiverReason,
    originalReceivedOn: row.originalReceivedOn,
    correctionNoticeDueOn: row.correctionNoticeDueOn,
    correctionPeriodDueOn: row.correctionPeriodDueOn,
    correctionCount: Number(row.correctionCount),
    extensionDays: Number(row.extensionDays),
    extensionReason: row.extensionReason,
    replyDueExplanation: reply?.explanation ?? null,
    replyDueProvisional: reply?.provisional ?? false,
    pauses: parts.pauses.map(toPauseInfo),
    handlingDepartments: parts.departments.map((d) => ({ id: d.id, name: d.name, isLead: d.isLead === 1 })),
    mergedIntoId: row.mergedIntoId,
    splitFromId: row.splitFromId,
    timeline: toTimeline(parts.events),
    attachments: parts.attachments.map((a) => ({ ...a, size: Number(a.size) })),
  };
}

function publicNoteOf(e: RequestEventTable): string {
  try {
    const data = JSON.parse(e.data) as { publicNote?: unknown };
    return typeof data.publicNote === 'string' ? data.publicNote : '';
  } catch {
    return '';
  }
}

export function toTrackingView(row: RequestTable, agencyName: string, events: RequestEventTable[], pauses: RequestPauseTable[], todayOn: string, calendar: WorkingDayCalendar): TrackingView {
  const status = row.status as RequestStatus;
  const provisional = status === 'consulting' && pauses.some((p) => p.endedOn === null);
  const replyDueOn = status === 'consulting'
    ? replyDeadline(calendar, { receivedOn: row.receivedOn, extensionDays: Number(row.extensionDays), pauses }, todayOn).dueOn
    : row.replyDueOn;
  return {
    trackingCode: row.trackingCode,
    agencyName,
    status,
    statusLabel: REQUEST_STATUS_LABELS[status],
    receivedOn: row.receivedOn,
    replyDueOn,
    replyDueProvisional: provisional,
    closedOn: row.closedOn,
    steps: events
      .filter((e) => e.visibleToApplicant === 1)
      .map((e) => ({ at: e.at, label: APPLICANT_LABELS[e.kind] ?? eventLabel(e.kind), note: publicNoteOf(e) })),
  };
}
