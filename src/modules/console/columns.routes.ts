// Column administration (officer, sysAdmin): tree, create, edit.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorize } from '../../core/authz/authz.ts';
import { notFound } from '../../core/errors.ts';
import { sendPage } from '../../core/http/render.ts';
import { staffActor } from '../accounts/index.ts';
import type { ColumnNode } from '../catalog/catalog.contract.ts';
import { ColumnsPage } from './columns.pages.tsx';
import { fieldErrorsOf, parseForm, readForm } from './console.forms.ts';
import type { FieldErrorView, FormValues } from './console.layout.tsx';
import { canManageColumns } from './console.policy.ts';
import { pageContext, redirect } from './console.routes.ts';
import { columnForm } from './console.schemas.ts';
import type { Services } from '../../services.ts';

const NOTICES: Record<string, string> = { created: '栏目已创建。', saved: '栏目已保存。' };

function columnValues(c: ColumnNode): FormValues {
  return {
    name: c.name, code: c.code, parentId: c.parentId ?? '', description: c.description, sortOrder: String(c.sortOrder),
    updateIntervalDays: c.updateIntervalDays === null ? '' : String(c.updateIntervalDays), departmentIds: c.departmentIds,
  };
}

export function registerColumnsRoutes(app: FastifyInstance, services: Services): void {
  const { catalog } = services;

  async function show(request: FastifyRequest, editing: ColumnNode | null, values: FormValues, errors: FieldErrorView[]) {
    const actor = staffActor(request);
    const [ctx, tree, departments] = await Promise.all([
      pageContext(request, services),
      catalog.columnTree(actor.user.agencyId),
      services.accounts.departments(actor.user.agencyId),
    ]);
    const done = (request.query as { done?: string }).done;
    return ColumnsPage({ ctx, tree, departments, editing, values, errors, notice: done ? NOTICES[done] : undefined });
  }

  async function ownColumn(request: FastifyRequest): Promise<ColumnNode> {
    const actor = staffActor(request);
    authorize(canManageColumns(actor.user));
    const column = await catalog.column((request.params as { id: string }).id);
    if (!column || column.agencyId !== actor.user.agencyId) throw notFound('栏目不存在');
    return column;
  }

  app.get('/console/columns', async (request, reply) => {
    authorize(canManageColumns(staffActor(request).user));
    return sendPage(reply, await show(request, null, { sortOrder: '0' }, []));
  });

  app.post('/console/columns', async (request, reply) => {
    const actor = staffActor(request);
    authorize(canManageColumns(actor.user));
    const { values } = await readForm(request);
    const parsed = parseForm(columnForm, values);
    let errors = parsed.ok ? [] : parsed.errors;
    if (parsed.ok) {
      try {
        await catalog.createColumn(actor, parsed.data);
        return redirect(reply, '/console/columns?done=created');
      } catch (err) {
        errors = fieldErrorsOf(err, 'code');
      }
    }
    return sendPage(reply, await show(request, null, values, errors), 422);
  });

  app.get('/console/columns/:id/edit', async (request, reply) => {
    const column = await ownColumn(request);
    return sendPage(reply, await show(request, column, columnValues(column), []));
  });

  app.post('/console/columns/:id/edit', async (request, reply) => {
    const column = await ownColumn(request);
    const { values } = await readForm(request);
    const parsed = parseForm(columnForm, values);
    let errors = parsed.ok ? [] : parsed.errors;
    if (parsed.ok) {
      try {
        await catalog.updateColumn(staffActor(request), column.id, parsed.data);
        return redirect(reply, `/console/columns/${column.id}/edit?done=saved`);
      } catch (err) {
        errors = fieldErrorsOf(err, 'code');
      }
    }
    return sendPage(reply, await show(request, column, values, errors), 422);
  });
}
