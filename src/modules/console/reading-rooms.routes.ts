// Reading-room provision checklist (office, leaders) and the room list (office, system
// administrator). 三员分立: the checklist names items and staff, so the system administrator keeps
// the room list on a page of its own and never sees the checklist (office-records reading-rooms.service).
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
import { ReadingRoomSettingsPage, ReadingRoomsPage } from './reading-rooms.pages.tsx';

const query = z.object({ room: z.string().max(80).default(''), state: z.enum(['open', 'provided', 'all']).default('open'), done: z.coerce.number().int().min(0).optional() });

/** Same rules as the service: the checklist for the office and the leaders, the room list for the office and the system administrator. */
const canSeeChecklist = (u: SessionUser) => hasRole(u, 'officer', 'leader');
const canTick = (u: SessionUser) => hasRole(u, 'officer');
const canEditRooms = (u: SessionUser) => hasRole(u, 'officer', 'sysAdmin');

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
    const v = { rooms, rows, roomName: q.room, state: q.state, todayOn: today(services.clock), canTick: canTick(actor.user), canEditRooms: canEditRooms(actor.user) };
    return ReadingRoomsPage({ ctx, v, values, errors, notice });
  }

  async function settings(request: FastifyRequest, values: FormValues, errors: FieldErrorView[], notice?: string) {
    const actor = staffActor(request);
    const [ctx, rooms] = await Promise.all([pageContext(request, services), readingRooms.rooms(actor.user.agencyId)]);
    return ReadingRoomSettingsPage({ ctx, rooms, canSeeChecklist: canSeeChecklist(actor.user), values, errors, notice });
  }

  app.get('/console/reading-rooms', async (request, reply) => {
    authorize(canSeeChecklist(staffUser(request)), '只有公开办和机关领导可以查看查阅场所提供清单');
    const parsed = query.safeParse(request.query);
    const q = parsed.success ? parsed.data : query.parse({});
    const notice = q.done !== undefined ? `已登记 ${q.done} 条为已提供。` : undefined;
    return sendPage(reply, await show(request, q, {}, [], notice));
  });

  app.post('/console/reading-rooms/provided', async (request, reply) => {
    const actor = staffActor(request);
    // Role before form.
    authorize(canTick(actor.user), '只有公开办可以登记查阅场所提供情况');
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

  app.get('/console/reading-rooms/rooms', async (request, reply) => {
    authorize(canEditRooms(staffUser(request)), '只有系统管理员或公开办可以维护查阅场所');
    const saved = (request.query as { saved?: string }).saved === '1';
    return sendPage(reply, await settings(request, {}, [], saved ? '查阅场所已保存。' : undefined));
  });

  app.post('/console/reading-rooms/rooms', async (request, reply) => {
    const actor = staffActor(request);
    // Role before form.
    authorize(canEditRooms(actor.user), '只有系统管理员或公开办可以维护查阅场所');
    const { values } = await readForm(request);
    try {
      await readingRooms.setRooms(actor, { rooms: parseRoomLines(String(values.rooms ?? '')) });
      return redirect(reply, '/console/reading-rooms/rooms?saved=1');
    } catch (err) {
      const errors = fieldErrorsOf(err, 'rooms').map((e) => ({ ...e, field: 'rooms' }));
      return sendPage(reply, await settings(request, values, errors), 422);
    }
  });
}
