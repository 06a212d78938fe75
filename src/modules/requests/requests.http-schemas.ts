// Response shapes of the requests API (zod): they validate what leaves and document it in
// /api/openapi.json.
import { z } from 'zod';
import { APPLICANT_TYPES, CHANNELS, DELIVERY_METHODS, ID_TYPES } from './requests.contract.ts';
import { REQUEST_STATUSES } from './request.workflow.ts';

export const receiptResponse = z.object({
  trackingCode: z.string(),
  receivedOn: z.string(),
  replyDueOn: z.string(),
  correctionNoticeDueOn: z.string(),
});

export const trackingResponse = z.object({
  trackingCode: z.string(),
  agencyName: z.string(),
  status: z.enum(REQUEST_STATUSES),
  statusLabel: z.string(),
  receivedOn: z.string(),
  replyDueOn: z.string().nullable(),
  replyDueProvisional: z.boolean(),
  closedOn: z.string().nullable(),
  steps: z.array(z.object({ at: z.string(), label: z.string(), note: z.string() })),
});

export const requestSummary = z.object({
  id: z.string(),
  agencyId: z.string(),
  trackingCode: z.string(),
  channel: z.enum(CHANNELS),
  applicantType: z.enum(APPLICANT_TYPES),
  applicantNameMasked: z.string(),
  infoDescription: z.string(),
  status: z.enum(REQUEST_STATUSES),
  receivedOn: z.string(),
  replyDueOn: z.string().nullable(),
  dueState: z.enum(['onTime', 'dueSoon', 'overdue']).nullable(),
  handlingDepartmentNames: z.array(z.string()),
  outcome: z.string().nullable(),
  closedOn: z.string().nullable(),
});

export const requestDetail = requestSummary.extend({
  applicantName: z.string(),
  idType: z.enum(ID_TYPES),
  idNumberMasked: z.string(),
  legalRepresentative: z.string(),
  agentName: z.string(),
  agentIdNumberMasked: z.string(),
  phoneMasked: z.string(),
  email: z.string(),
  address: z.string(),
  postcode: z.string(),
  infoTitle: z.string(),
  infoDocNumber: z.string(),
  purpose: z.string(),
  deliveryMethod: z.enum(DELIVERY_METHODS),
  feeWaiverRequested: z.boolean(),
  feeWaiverReason: z.string(),
  originalReceivedOn: z.string(),
  correctionNoticeDueOn: z.string().nullable(),
  correctionPeriodDueOn: z.string().nullable(),
  correctionCount: z.number(),
  extensionDays: z.number(),
  extensionReason: z.string(),
  replyDueExplanation: z.string().nullable(),
  replyDueProvisional: z.boolean(),
  pauses: z.array(z.object({
    id: z.string(), kind: z.enum(['thirdParty', 'coAgency', 'fee']), partyName: z.string(), startedOn: z.string(),
    endedOn: z.string().nullable(), windowDueOn: z.string(), result: z.string(),
  })),
  handlingDepartments: z.array(z.object({ id: z.string(), name: z.string(), isLead: z.boolean() })),
  mergedIntoId: z.string().nullable(),
  splitFromId: z.string().nullable(),
  timeline: z.array(z.object({ at: z.string(), actorName: z.string(), kind: z.string(), label: z.string(), note: z.string(), visibleToApplicant: z.boolean() })),
  attachments: z.array(z.object({ id: z.string(), purpose: z.string(), filename: z.string(), mediaType: z.string(), size: z.number() })),
  availableVerbs: z.array(z.string()),
});

export const registerPage = z.object({ items: z.array(requestSummary), total: z.number(), page: z.number(), pageSize: z.number() });

export const supervisionResponse = z.object({
  agencies: z.array(z.object({ agencyId: z.string(), agencyName: z.string(), open: z.number(), overdue: z.number(), overdueRequests: z.array(requestSummary) })),
});

export const notificationList = z.object({
  items: z.array(z.object({
    id: z.string(), kind: z.string(), title: z.string(), body: z.string(), subjectType: z.string(), subjectId: z.string(), createdAt: z.string(), read: z.boolean(),
  })),
});

export const idParams = z.object({ id: z.string().min(1).max(64) });
