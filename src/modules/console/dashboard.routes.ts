// /console/dashboard: the leaders' and the office's overview (issue 6 part 4); ?agency= switches to
// a supervised county bureau (checked by the service).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sendPage } from '../../core/http/render.ts';
import type { Services } from '../../services.ts';
import { staffActor } from '../accounts/index.ts';
import { pageContext } from './console.routes.ts';
import { DashboardPage } from './dashboard.pages.tsx';

const query = z.object({ agency: z.string().max(40).optional() });

export function registerDashboardRoutes(app: FastifyInstance, services: Services): void {
  app.get('/console/dashboard', async (request, reply) => {
    const actor = staffActor(request);
    const q = query.safeParse(request.query);
    const [ctx, d] = await Promise.all([pageContext(request, services), services.dashboards.dashboard(actor, { agencyId: q.success ? q.data.agency : undefined })]);
    return sendPage(reply, DashboardPage({ ctx, d }));
  });
}
