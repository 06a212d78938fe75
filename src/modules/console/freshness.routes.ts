// /console/freshness (issue 6 part 6): column freshness and the inspection thresholds.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sendPage } from '../../core/http/render.ts';
import type { Services } from '../../services.ts';
import { staffActor } from '../accounts/index.ts';
import { pageContext } from './console.routes.ts';
import { FreshnessPage } from './freshness.pages.tsx';

const query = z.object({ agency: z.string().max(40).optional() });

export function registerFreshnessRoutes(app: FastifyInstance, services: Services): void {
  app.get('/console/freshness', async (request, reply) => {
    const q = query.safeParse(request.query);
    const [ctx, r] = await Promise.all([pageContext(request, services), services.monitor.freshness(staffActor(request), { agencyId: q.success ? q.data.agency : undefined })]);
    return sendPage(reply, FreshnessPage({ ctx, r }));
  });
}
