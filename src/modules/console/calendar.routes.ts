// Working-day calendar administration (sysAdmin). Saving a year is audited by the calendar
// service, which recomputes every open deadline in the same transaction.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../core/authz/authz.ts';
import { sendPage } from '../../core/http/render.ts';
import type { Services } from '../../services.ts';
import { auditActor, staffActor, staffUser } from '../accounts/index.ts';
import { formatCalendarLines, parseCalendarLines } from './calendar-lines.ts';
import { CalendarPage } from './calendar.pages.tsx';
import { fieldErrorsOf, parseForm, readForm } from './console.forms.ts';
import type { FieldErrorView, FormValues } from './console.layout.tsx';
import { canManageCalendar } from './console.policy.ts';
import { pageContext, redirect } from './console.routes.ts';

const yearField = z.coerce.number({ message: '请输入四位数字的年份' }).int('请输入四位数字的年份').min(2000, '年份须在 2000–2100 之间').max(2100, '年份须在 2000–2100 之间');
const entryForm = z.object({ year: yearField, days: z.string().default('') });
const viewQuery = z.object({ year: yearField.optional(), recomputed: z.coerce.number().int().min(0).optional() });

export function registerCalendarRoutes(app: FastifyInstance, services: Services): void {
  async function show(request: FastifyRequest, year: number | undefined, values: FormValues, errors: FieldErrorView[], notice?: string) {
    const [ctx, years] = await Promise.all([pageContext(request, services), services.calendar.listYears()]);
    const covered = year !== undefined && years.some((y) => y.year === year);
    const selected = covered ? { year: year!, days: await services.calendar.daysOfYear(year!) } : null;
    const formValues = Object.keys(values).length
      ? values
      : selected
        ? { year: String(selected.year), days: formatCalendarLines(selected.days) }
        : { year: String((years.at(-1)?.year ?? 2026) + 1), days: '' };
    return CalendarPage({ ctx, years, selected, values: formValues, errors, notice });
  }

  app.get('/console/calendar', async (request, reply) => {
    authorize(canManageCalendar(staffUser(request)));
    const q = viewQuery.safeParse(request.query);
    const query = q.success ? q.data : {};
    const notice = query.recomputed !== undefined && query.year ? `已保存 ${query.year} 年的工作日历，重新计算了 ${query.recomputed} 项期限。` : undefined;
    return sendPage(reply, await show(request, query.year, {}, [], notice));
  });

  app.post('/console/calendar', async (request, reply) => {
    const actor = staffActor(request);
    authorize(canManageCalendar(actor.user));
    const { values } = await readForm(request);
    const parsed = parseForm(entryForm, values);
    let errors: FieldErrorView[] = parsed.ok ? [] : parsed.errors;
    if (parsed.ok) {
      const { days, errors: lineErrors } = parseCalendarLines(parsed.data.days, parsed.data.year);
      errors = lineErrors.map((e) => ({ field: 'days', message: e.message }));
      if (!errors.length) {
        try {
          const { recomputed } = await services.calendar.setYear(auditActor(actor), parsed.data.year, days, '人工录入');
          return redirect(reply, `/console/calendar?year=${parsed.data.year}&recomputed=${recomputed}`);
        } catch (err) {
          errors = fieldErrorsOf(err, 'days');
        }
      }
    }
    const year = parsed.ok ? parsed.data.year : undefined;
    return sendPage(reply, await show(request, year, values, errors), 422);
  });
}
