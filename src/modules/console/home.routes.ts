// The console home page: the signed-in user's work queue.
import type { FastifyInstance } from 'fastify';
import { sendPage } from '../../core/http/render.ts';
import { staffActor } from '../accounts/index.ts';
import type { ConsoleServices } from './console.services.ts';
import { pageContext } from './console.routes.ts';
import { HomePage } from './home.pages.tsx';

export function registerHomeRoutes(app: FastifyInstance, services: ConsoleServices): void {
  app.get('/console', async (request, reply) => {
    const [ctx, queue] = await Promise.all([pageContext(request, services), services.review.queue(staffActor(request))]);
    return sendPage(reply, HomePage({ ctx, queue }));
  });
}
