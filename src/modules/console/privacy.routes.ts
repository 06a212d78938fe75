// Console routes of screening: the reviewer's mask/keep decision on a finding (from the item's
// record page) and the sensitive-word lexicon (sysAdmin).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../core/authz/authz.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { sendPage } from '../../core/http/render.ts';
import type { Services } from '../../services.ts';
import { staffActor } from '../accounts/index.ts';
import { canDecideFindings } from '../privacy/index.ts';
import { fieldErrorsOf, readForm } from './console.forms.ts';
import type { FieldErrorView, FormValues } from './console.layout.tsx';
import { pageContext, redirect } from './console.routes.ts';
import { LexiconPage } from './privacy.pages.tsx';

const decisionForm = z.object({ decision: z.enum(['masked', 'kept']), reason: z.string().default('') });
const LEXICON_NOTICES: Record<string, string> = { added: '已添加敏感词。', removed: '已删除敏感词。' };

export function registerPrivacyRoutes(app: FastifyInstance, services: Services): void {
  const { privacy } = services;

  app.post('/console/items/:id/findings/:findingId', async (request, reply) => {
    const actor = staffActor(request);
    const { id, findingId } = request.params as { id: string; findingId: string };
    // Role before form: only the confidentiality reviewer decides findings (screening.service).
    authorize(canDecideFindings(actor.user), '只有保密审查人员可以处理个人信息检查结果');
    const parsed = decisionForm.safeParse((await readForm(request)).values);
    if (!parsed.success) throw notFound('没有这项操作');
    try {
      await privacy.decide(actor, findingId, parsed.data);
    } catch (err) {
      // The reason is the only field: the record page shows its message next to the finding.
      if (err instanceof AppError && err.status === 422 && err.fields.some((f) => f.field === 'reason'))
        return redirect(reply, `/console/items/${id}?finding=${findingId}&findingError=reason#finding-${findingId}`);
      throw err;
    }
    return redirect(reply, `/console/items/${id}?done=finding#privacy-title`);
  });

  async function lexiconPage(request: FastifyRequest, values: FormValues, errors: FieldErrorView[], notice?: string) {
    const actor = staffActor(request);
    const [ctx, words] = await Promise.all([pageContext(request, services), privacy.listWords(actor)]);
    return LexiconPage({ ctx, words, values, errors, notice });
  }

  app.get('/console/lexicon', async (request, reply) => {
    const done = (request.query as { done?: string }).done;
    return sendPage(reply, await lexiconPage(request, {}, [], done ? LEXICON_NOTICES[done] : undefined));
  });

  app.post('/console/lexicon', async (request, reply) => {
    const actor = staffActor(request);
    const { values } = await readForm(request);
    const word = typeof values.word === 'string' ? values.word : '';
    const category = typeof values.category === 'string' ? values.category : '';
    try {
      await privacy.addWord(actor, { word, category });
      return redirect(reply, '/console/lexicon?done=added');
    } catch (err) {
      return sendPage(reply, await lexiconPage(request, values, fieldErrorsOf(err, 'word')), 422);
    }
  });

  app.post('/console/lexicon/:wordId/remove', async (request, reply) => {
    await privacy.removeWord(staffActor(request), (request.params as { wordId: string }).wordId);
    return redirect(reply, '/console/lexicon?done=removed');
  });
}
