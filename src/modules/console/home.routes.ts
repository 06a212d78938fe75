// The console home page: the signed-in user's work queue. Administrators (三员) handle no items,
// so their home page lists their administration pages instead.
import type { FastifyInstance } from 'fastify';
import { sendPage } from '../../core/http/render.ts';
import { staffActor } from '../accounts/index.ts';
import type { Services } from '../../services.ts';
import { canSeeItems } from './console.policy.ts';
import { pageContext } from './console.routes.ts';
import { HomePage } from './home.pages.tsx';

export function registerHomeRoutes(app: FastifyInstance, services: Services): void {
  app.get('/console', async (request, reply) => {
    const actor = staffActor(request);
    const [ctx, queue] = await Promise.all([
      pageContext(request, services),
      canSeeItems(actor.user) ? services.review.queue(actor) : Promise.resolve(null),
    ]);
    return sendPage(reply, HomePage({ ctx, queue }));
  });
}
