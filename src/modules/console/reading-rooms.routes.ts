// Reading-room provision checklist (office) and the room list (office, system administrator).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../core/authz/authz.ts';
import { sendPage } from '../../core/http/render.ts';
import { today } from '../../core/time/clock.ts';
import type { Services } from '../../services.ts';
import { hasRole, staffActor, staffUser, type SessionUser } from '../accounts/index.ts';
import { fieldErrorsOf, readForm } from './console.forms.ts';
import type { FieldErrorView, FormValues } from './console.layout.tsx';
import { pageContext, redirect } from './console.routes.ts';
import { ReadingRoomsPage } from './reading-rooms.pages.tsx';

const query = z.object({ room: z.string().max(80).default(''), state: z.enum(['open', 'provided', 'all']).default('open'), done: z.coerce.number().int().min(0).optional() });

const canSee = (u: SessionUser) => hasRole(u, 'officer', 'sysAdmin', 'leader');

function parseRoomLines(text: string) {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => {
    const [name = '', address = '', hours = ''] = l.split('|').map((p) => p.trim());
    return { name, address, hours };
  });
}

export function registerReadingRoomsRoutes(app: FastifyInstance, services: Services): void {
  const { readingRooms } = services.officeRecords;

  async function show(request: FastifyRequest, q: z.infer<typeof query>, values: FormValues, errors: FieldErrorView[], notice?: string) {
    const actor = staffActor(request);
    const [ctx, rooms, rows] = await Promise.all([
      pageContext(request, services), readingRooms.rooms(actor.user.agencyId), readingRooms.list(actor, { roomName: q.room, state: q.state }),
    ]);
    const v = {
      rooms, rows, roomName: q.room, state: q.state, todayOn: today(services.clock),
      canTick: hasRole(actor.user, 'officer'), canEditRooms: hasRole(actor.user, 'officer', 'sysAdmin'),
    };
    return ReadingRoomsPage({ ctx, v, values, errors, notice });
  }

  app.get('/console/reading-rooms', async (request, reply) => {
    authorize(canSee(staffUser(request)));
    const parsed = query.safeParse(request.query);
    const q = parsed.success ? parsed.data : query.parse({});
    const notice = q.done !== undefined ? `已登记 ${q.done} 条为已提供。` : undefined;
    return sendPage(reply, await show(request, q, {}, [], notice));
  });

  app.post('/console/reading-rooms/provided', async (request, reply) => {
    const actor = staffActor(request);
    const { values } = await readForm(request);
    const ids = Array.isArray(values.ids) ? values.ids : values.ids ? [values.ids] : [];
    try {
      const done = await readingRooms.markProvided(actor, { ids, providedOn: String(values.providedOn ?? '') });
      return redirect(reply, `/console/reading-rooms?done=${done}`);
    } catch (err) {
      const errors = fieldErrorsOf(err, 'providedOn', { ids: 'providedOn' });
      return sendPage(reply, await show(request, query.parse({}), values, errors), 422);
    }
  });

  app.post('/console/reading-rooms/rooms', async (request, reply) => {
    const actor = staffActor(request);
    const { values } = await readForm(request);
    try {
      await readingRooms.setRooms(actor, { rooms: parseRoomLines(String(values.rooms ?? '')) });
      return redirect(reply, '/console/reading-rooms?state=open');
    } catch (err) {
      const errors = fieldErrorsOf(err, 'rooms').map((e) => ({ ...e, field: 'rooms' }));
      return sendPage(reply, await show(request, query.parse({}), values, errors), 422);
    }
  });
}
