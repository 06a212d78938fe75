// /track: GET shows the form (the receipt links here with ?code=); POST (CSRF) looks the request
// up. A wrong code and a wrong phone digit get the same message, so the form cannot be used to
// find out which tracking codes exist; the per-IP rate limit slows guessing further.
import type { FastifyInstance } from 'fastify';
import { AppError, notFound } from '../../core/errors.ts';
import { sendDownload } from '../../core/http/download.ts';
import { sendPage } from '../../core/http/render.ts';
import type { RequestPagesDeps } from './apply.routes.ts';
import type { FieldError, FormValues } from './form-fields.tsx';
import { agencyQuery } from './portal.schemas.ts';
import type { PortalService } from './portal.service.ts';
import { TrackPage } from './track.pages.tsx';

const NOT_FOUND_MESSAGE = '查询码或联系电话后四位不正确，请核对后重新输入';

function field(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  return typeof v === 'string' ? v.trim().slice(0, 64) : '';
}

export function registerTrackRoutes(app: FastifyInstance, deps: RequestPagesDeps, portal: PortalService): void {
  app.get('/track', { config: { portal: true } }, async (request, reply) => {
    if (!request.portal) throw notFound();
    const code = field((request.query ?? {}) as Record<string, unknown>, 'code');
    reply.header('cache-control', 'no-store');
    return sendPage(reply, TrackPage({ ctx: request.portal, csrf: request.csrfToken, values: { code }, errors: [], view: null }));
  });

  app.post('/track', { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (request, reply) => {
    const ctx = await portal.context(agencyQuery.parse(request.query ?? {}).agency);
    request.portal = ctx;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values: FormValues = { code: field(body, 'code').toUpperCase(), phoneLast4: field(body, 'phoneLast4') };
    const code = values.code as string;
    const last4 = values.phoneLast4 as string;
    const errors: FieldError[] = [];
    if (!code) errors.push({ field: 'code', message: '请输入查询码' });
    if (!/^\d{4}$/.test(last4)) errors.push({ field: 'phoneLast4', message: '请输入联系电话的后四位数字' });
    reply.header('cache-control', 'no-store');
    if (!errors.length) {
      try {
        const view = await deps.requests.track(code, last4);
        // Only now, with the code and the phone digits checked, are download links made.
        const downloads = await deps.delivery.trackDownloads(view.trackingCode);
        return sendPage(reply, TrackPage({ ctx, csrf: request.csrfToken, values, errors: [], view, downloads }));
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500 || err.status === 429) throw err;
        errors.push({ field: 'code', message: NOT_FOUND_MESSAGE });
      }
    }
    return sendPage(reply, TrackPage({ ctx, csrf: request.csrfToken, values, errors, view: null }), 422);
  });

  // The links /track hands out: signed and valid for 24 hours; each download is audited.
  // A wildcard, not `:token`: a token is longer than the router's 100-character parameter limit.
  app.get('/track/files/*', { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } }, async (request, reply) => {
    const token = (request.params as { '*': string })['*'];
    const file = await deps.delivery.openDownload(String(token).slice(0, 300), request.ip);
    reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
    return sendDownload(reply, file);
  });
}
