// The sensitive-word lexicon, kept by the system administrator; every change is audited.
import { appendAuditEvent } from '../../core/audit/audit.ts';
import { authorize } from '../../core/authz/authz.ts';
import { isUniqueViolation } from '../../core/db/dialect.ts';
import { conflict, notFound, validationFailed } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { normalizeWord } from '../../core/text/normalize.ts';
import { nowIso } from '../../core/time/clock.ts';
import { auditActor } from '../accounts/index.ts';
import type { PrivacyService } from './privacy.contract.ts';
import { canManageLexicon } from './privacy.policy.ts';
import { privacyRepository } from './privacy.repository.ts';
import type { PrivacyDeps } from './screening.service.ts';

const NOT_ADMIN = '只有系统管理员可以维护敏感词库';

export function createLexicon(deps: Pick<PrivacyDeps, 'db' | 'clock'>): Pick<PrivacyService, 'listWords' | 'addWord' | 'removeWord'> {
  const { db, clock } = deps;
  return {
    async listWords(actor) {
      authorize(canManageLexicon(actor.user), NOT_ADMIN);
      return (await privacyRepository(db).words()).map(({ id, word, category, createdAt }) => ({ id, word, category, createdAt }));
    },

    async addWord(actor, input) {
      authorize(canManageLexicon(actor.user), NOT_ADMIN);
      const word = (input.word ?? '').trim();
      const category = (input.category ?? '').trim() || '其他';
      const normalized = normalizeWord(word);
      if (!normalized) throw validationFailed([{ field: 'word', message: '请输入敏感词' }]);
      if (word.length > 50 || category.length > 20) throw validationFailed([{ field: 'word', message: '敏感词不超过50字，类别不超过20字' }]);
      const row = { id: newId(), word, normalized, category, createdBy: actor.user.id, createdAt: nowIso(clock) };
      try {
        await db.transaction().execute(async (trx) => {
          await privacyRepository(trx).insertWord(row);
          await appendAuditEvent(trx, clock, auditActor(actor), { action: 'lexicon.add', subjectType: 'sensitiveWord', subjectId: row.id, after: { word, category } });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('WORD_EXISTS', `敏感词“${word}”已在词库中`);
        throw err;
      }
      return { id: row.id, word, category, createdAt: row.createdAt };
    },

    async removeWord(actor, id) {
      authorize(canManageLexicon(actor.user), NOT_ADMIN);
      await db.transaction().execute(async (trx) => {
        const repo = privacyRepository(trx);
        const row = await repo.wordById(id);
        if (!row) throw notFound('词库中没有这个词');
        await repo.deleteWord(id);
        await appendAuditEvent(trx, clock, auditActor(actor), { action: 'lexicon.remove', subjectType: 'sensitiveWord', subjectId: id, before: { word: row.word, category: row.category } });
      });
    },
  };
}
