// The staff JSON API of the quarterly withholding filings (不予公开备案表): list, read, generate,
// review a row (密级 and opinion), mark filed. The same service methods as the console pages
// (console/filings.routes.ts); the role is checked before the body is read (apiRoute `authorize`),
// then another agency's filing is 404 in the service. Applicants' names are masked as on the console's
// page; the full names are in the exported table (the console's download URLs).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../core/authz/authz.ts';
import { apiRoute } from '../../core/http/api.ts';
import { hasRole, staffActor } from '../accounts/index.ts';
import type { Services } from '../../services.ts';
import { CLASSIFICATION_LEVELS, filingRowReviewInput, markFiledInput, quarterInput } from './filings.schemas.ts';
import { canSeeFilings, type FilingDetail, type FilingSummary } from './filings.service.ts';
import { idParams } from './requests.http-schemas.ts';

const filingSummary = z.object({
  id: z.string(),
  year: z.number(),
  quarter: z.number(),
  status: z.enum(['draft', 'filed']),
  generatedAt: z.string(),
  filedOn: z.string().nullable(),
  filedTo: z.string(),
  filedBy: z.string(),
  rowCount: z.number(),
});

const filingDetail = filingSummary.extend({
  agencyName: z.string(),
  rows: z.array(z.object({
    id: z.string(),
    requestId: z.string(),
    trackingCode: z.string(),
    applicantNameMasked: z.string(),
    repliedOn: z.string(),
    description: z.string(),
    docNumber: z.string(),
    /** The refusal reason (outcomes.ts OutcomeReason). */
    reason: z.string(),
    classificationLevel: z.union([z.enum(CLASSIFICATION_LEVELS), z.literal('')]),
    confidentialityOpinion: z.string(),
    reviewedBy: z.string(),
  })),
  xlsxUrl: z.string(),
  docxUrl: z.string(),
});

const summaryOf = (f: FilingSummary): z.input<typeof filingSummary> => ({
  id: f.id, year: f.year, quarter: f.quarter, status: f.status, generatedAt: f.generatedAt, filedOn: f.filedOn, filedTo: f.filedTo, filedBy: f.filedBy, rowCount: f.rowCount,
});

// The response schema strips what it does not declare: the rows' full applicant names stay out.
const detailOf = (f: FilingDetail): z.input<typeof filingDetail> => ({
  ...summaryOf(f), agencyName: f.agencyName, rows: f.rows,
  xlsxUrl: `/console/filings/${f.id}/export.xlsx`, docxUrl: `/console/filings/${f.id}/export.docx`,
});

export function registerFilingsApi(app: FastifyInstance, services: Services): void {
  const { filings } = services.requests;
  const mayReview = (request: FastifyRequest) => {
    authorize(canSeeFilings(staffActor(request).user), '只有公开办工作人员或保密审查员可以办理不予公开备案');
  };
  const officerOnly = (request: FastifyRequest, what: string) => {
    authorize(hasRole(staffActor(request).user, 'officer'), `只有公开办工作人员可以${what}`);
  };
  // A filing named in the URL: the role first (a refused role gets 403 whatever the id names),
  // then the filing (another agency's, or an unknown one, is 404: the service's check).
  const ownFiling = (what?: string) => async (request: FastifyRequest, { id }: { id: string }) => {
    if (what) officerOnly(request, what);
    else mayReview(request);
    await filings.get(staffActor(request), id);
  };

  apiRoute(app, {
    method: 'GET', url: '/api/v1/staff/filings', summary: '不予公开备案表（按季度；可按年度筛选）', tags: ['filings', 'staff'], access: 'staff',
    authorize: mayReview,
    query: z.object({ year: z.coerce.number({ error: '年度应为四位年份' }).int().min(2008, { error: '年度不正确' }).max(2100, { error: '年度不正确' }).optional() }),
    response: z.object({ items: z.array(filingSummary) }),
  }, async (request, { query }) => {
    const all = await filings.list(staffActor(request));
    return { items: all.filter((f) => query.year === undefined || f.year === query.year).map(summaryOf) };
  });

  apiRoute(app, {
    method: 'GET', url: '/api/v1/staff/filings/:id', summary: '不予公开备案表详情（各条目、密级、保密审查意见；导出地址）', tags: ['filings', 'staff'], access: 'staff',
    authorize: mayReview, params: idParams, response: filingDetail,
  }, async (request, { params }) => detailOf(await filings.get(staffActor(request), params.id)));

  apiRoute(app, {
    method: 'POST', url: '/api/v1/staff/filings', summary: '生成（或刷新）某季度的不予公开备案表', tags: ['filings', 'staff'], access: 'staff',
    authorize: (request) => officerOnly(request, '生成备案表'), body: quarterInput, response: filingDetail,
  }, async (request, { body }) => detailOf(await filings.generate(staffActor(request), body)));

  apiRoute(app, {
    method: 'POST', url: '/api/v1/staff/filings/:id/rows/:rowId', summary: '填写备案条目的密级和保密审查意见', tags: ['filings', 'staff'], access: 'staff',
    authorize: ownFiling(), params: idParams.extend({ rowId: z.string().min(1).max(64) }), body: filingRowReviewInput, response: filingDetail,
  }, async (request, { params, body }) => detailOf(await filings.reviewRow(staffActor(request), params.id, params.rowId, body)));

  apiRoute(app, {
    method: 'POST', url: '/api/v1/staff/filings/:id/filed', summary: '登记备案表已报送（报送后不能再修改）', tags: ['filings', 'staff'], access: 'staff',
    authorize: ownFiling('登记报送'), params: idParams, body: markFiledInput, response: filingDetail,
  }, async (request, { params, body }) => detailOf(await filings.markFiled(staffActor(request), params.id, body)));
}
