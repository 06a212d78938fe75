// The console home page: the signed-in user's work queue. Administrators (三员) handle no items,
// so their home page lists their administration pages instead.
import type { FastifyInstance } from 'fastify';
import { sendPage } from '../../core/http/render.ts';
import { canManageCalendar, staffActor } from '../accounts/index.ts';
import { missingCalendarYear } from '../../core/time/calendar-coverage.ts';
import { today } from '../../core/time/clock.ts';
import type { Services } from '../../services.ts';
import { canSeeDashboards, canSeeItems } from './console.policy.ts';
import { pageContext } from './console.routes.ts';
import { HomePage } from './home.pages.tsx';

export function registerHomeRoutes(app: FastifyInstance, services: Services): void {
  app.get('/console', async (request, reply) => {
    const actor = staffActor(request);
    const [ctx, queue, messages] = await Promise.all([
      pageContext(request, services),
      canSeeItems(actor.user) ? services.review.queue(actor) : Promise.resolve(null),
      // The inspection rule (no valid public message unanswered for 3 months) must never be
      // breached silently: the office and leaders see the count on their home page.
      canSeeDashboards(actor.user) ? services.participation.inspectionSummary(actor.user.agencyId) : Promise.resolve(null),
    ]);
    // Who enters the holiday arrangement (the system administrator) and who would be stopped by
    // its absence (the office, leaders) are told before deadlines reach the uncovered year.
    const calendarYear = canManageCalendar(actor.user) || canSeeDashboards(actor.user)
      ? missingCalendarYear(await services.calendar.get(), today(services.clock))
      : null;
    return sendPage(reply, HomePage({ ctx, queue, messages, calendarYear }));
  });
}
