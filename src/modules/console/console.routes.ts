// The staff console under /console: one encapsulated plugin whose hooks send signed-out visitors
// to the login page and users with a temporary password to the password page, and whose error
// handler shows 403/404 inside the console frame. Each page group registers its own routes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { sendPage } from '../../core/http/render.ts';
import type { Services } from '../../services.ts';
import { registerAuthRoutes } from './auth.routes.ts';
import { registerCalendarRoutes } from './calendar.routes.ts';
import type { PageContext } from './console.layout.tsx';
import { canSupervise } from './console.policy.ts';
import { ErrorPage } from './console.pages.tsx';
import { registerUsersRoutes } from './users.routes.ts';
import { registerColumnsRoutes } from './columns.routes.ts';
import { registerHomeRoutes } from './home.routes.ts';
import { registerItemRecordRoutes } from './item-record.routes.ts';
import { registerItemsRoutes } from './items.routes.ts';
import { registerConsoleRequestsRoutes } from './requests.routes.ts';
import { registerRequestRecordRoutes } from './requests-record.routes.ts';
import { registerReplyRoutes } from './reply.routes.ts';
import { registerRedactionRoutes } from './redaction.routes.ts';
import { registerPrivacyRoutes } from './privacy.routes.ts';
import { registerDashboardRoutes } from './dashboard.routes.ts';
import { registerAssessmentRoutes } from './assessment.routes.ts';
import { registerFreshnessRoutes } from './freshness.routes.ts';
import { registerAnnualReportsRoutes } from './annual-reports.routes.ts';
import { registerReportsRollUpRoutes } from './reports-rollup.routes.ts';
import { registerNoticeTemplatesRoutes } from './notice-templates.routes.ts';
import { registerRequestFeeRoutes } from './request-fee.routes.ts';
import { registerChallengesRoutes } from './challenges.routes.ts';
import { registerFilingsRoutes } from './filings.routes.ts';
import { registerReplyFilesRoutes } from './reply-files.routes.ts';
import { registerMessagesRoutes } from './messages.routes.ts';
import { registerReadingRoomsRoutes } from './reading-rooms.routes.ts';
import { registerCoordinationRoutes } from './coordination.routes.ts';
import { registerTamperRoutes } from './tamper.routes.ts';
import { registerAccountRoutes } from './account.routes.ts';
import { registerSecurityRoutes } from './security.routes.ts';
import { registerAuditRoutes } from './audit.routes.ts';

const OPEN_PATHS = new Set(['/console/login', '/console/login/totp']);
const PASSWORD_PATHS = new Set(['/console/password', '/console/logout']);

function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0].replace(/\/+$/, '') || '/';
}

export async function pageContext(request: FastifyRequest, services: Services): Promise<PageContext> {
  const user = request.user;
  // Subordinate agencies are asked about here, not with the session: only pages show the menu, and
  // only the roles that could supervise need the answer (API requests pay nothing).
  const [agency, supervisesAgencies] = await Promise.all([
    user ? services.accounts.agency(user.agencyId) : services.accounts.firstAgency(),
    user && canSupervise(user) ? services.accounts.hasChildAgencies(user.agencyId) : false,
  ]);
  return { user, agencyName: agency?.name ?? '', supervisesAgencies, csrf: request.csrfToken, path: pathOf(request) };
}

export function redirect(reply: FastifyReply, to: string): FastifyReply {
  return reply.code(303).header('location', to).send();
}

export function registerConsoleRoutes(app: FastifyInstance, services: Services): void {
  app.register(async (scope) => {
    scope.addHook('preHandler', async (request, reply) => {
      const path = pathOf(request);
      if (OPEN_PATHS.has(path)) return;
      if (!request.user) {
        const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
        return redirect(reply, `/console/login${next}`);
      }
      if (request.user.mustChangePassword && !PASSWORD_PATHS.has(path)) return redirect(reply, '/console/password');
    });

    scope.setErrorHandler(async (err, request, reply) => {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      if (err.status === 401) return redirect(reply, `/console/login?next=${encodeURIComponent(request.url)}`);
      const ctx = await pageContext(request, services);
      return sendPage(reply, ErrorPage({ ctx, status: err.status, code: err.code, message: err.message, requestId: request.id }), err.status);
    });

    registerAuthRoutes(scope, services);
    registerUsersRoutes(scope, services);
    registerCalendarRoutes(scope, services);
    registerHomeRoutes(scope, services);
    registerItemsRoutes(scope, services);
    registerItemRecordRoutes(scope, services);
    registerColumnsRoutes(scope, services);
    registerConsoleRequestsRoutes(scope, services);
    registerRequestRecordRoutes(scope, services);
    registerRequestFeeRoutes(scope, services);
    registerChallengesRoutes(scope, services);
    registerFilingsRoutes(scope, services);
    registerReplyRoutes(scope, services);
    registerReplyFilesRoutes(scope, services);
    registerRedactionRoutes(scope, services);
    registerPrivacyRoutes(scope, services);
    registerDashboardRoutes(scope, services);
    registerAssessmentRoutes(scope, services);
    registerFreshnessRoutes(scope, services);
    registerReportsRollUpRoutes(scope, services);
    registerAnnualReportsRoutes(scope, services);
    registerNoticeTemplatesRoutes(scope, services);
    registerMessagesRoutes(scope, services);
    registerReadingRoomsRoutes(scope, services);
    registerCoordinationRoutes(scope, services);
    registerTamperRoutes(scope, services);
    registerAccountRoutes(scope, services);
    registerSecurityRoutes(scope, services);
    registerAuditRoutes(scope, services);
  });
}
