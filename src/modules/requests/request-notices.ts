// The notices (告知书) the request workflow sends, each issued through the notices module in the
// transaction of the step that needs it, so a notice exists exactly when its step happened:
// receipt on acceptance (第三十一条), correction (第三十条), extension (第三十三条), third-party
// consultation (第三十二条) and the reply (第三十六至四十一条). Fee notices belong to fees.
import type { Actor } from '../../core/audit/audit.ts';
import type { DbOrTrx } from '../../core/db/database.ts';
import type { ReplyItemTable, RequestTable } from '../../core/db/schema.ts';
import type { IssuedNotice, NoticeKind } from '../notices/notices.contract.ts';
import { OUTCOME_LABELS, type ItemDecision } from './outcomes.ts';
import { decisionLabel, decisionParagraph, type PublishedRef } from './reply-text.ts';
import type { RequestKind } from './replies.schemas.ts';
import type { RequestsDeps } from './requests.deps.ts';

/** What every notice about a request says about it. */
function requestValues(row: RequestTable): Record<string, string> {
  return {
    applicantName: row.applicantName,
    trackingCode: row.trackingCode,
    receivedOn: row.receivedOn,
    infoDescription: row.infoDescription,
    replyDueOn: row.replyDueOn ?? '',
  };
}

async function issue(trx: DbOrTrx, deps: RequestsDeps, actor: Actor, row: RequestTable, kind: NoticeKind, values: Record<string, string>, recipient = row.applicantName): Promise<IssuedNotice> {
  return deps.notices.issue(trx, actor, { agencyId: row.agencyId, requestId: row.id, kind, recipient, values: { ...requestValues(row), ...values } });
}

const noticeData = (n: IssuedNotice) => ({ noticeId: n.id, noticeNumber: n.number });

export const requestNotices = {
  /** 第三十一条: the receipt once the application is accepted, with the reply deadline. */
  receipt: async (trx: DbOrTrx, deps: RequestsDeps, actor: Actor, row: RequestTable) => noticeData(await issue(trx, deps, actor, row, 'receipt', {})),

  /** 第三十条: the one correction notice: what to add and by when. */
  correction: async (trx: DbOrTrx, deps: RequestsDeps, actor: Actor, row: RequestTable, note: string) =>
    noticeData(await issue(trx, deps, actor, row, 'correction', { correctionItems: note, correctionDueOn: row.correctionPeriodDueOn ?? '' })),

  /** 第三十三条: the extension, its reason and the new due date. */
  extension: async (trx: DbOrTrx, deps: RequestsDeps, actor: Actor, row: RequestTable) =>
    noticeData(await issue(trx, deps, actor, row, 'extension', {
      extensionDays: String(row.extensionDays), extendedDueOn: row.replyDueOn ?? '', extensionReason: row.extensionReason,
    })),

  /** 第三十二条: the letter to the third party, who has 15 working days to answer. */
  thirdPartyConsultation: async (trx: DbOrTrx, deps: RequestsDeps, actor: Actor, row: RequestTable, partyName: string, windowDueOn: string) =>
    noticeData(await issue(trx, deps, actor, row, 'thirdPartyConsultation', { thirdPartyName: partyName, consultationDueOn: windowDueOn }, partyName)),

  /**
   * 第三十条 and 国办函〔2020〕109号: the agency no longer processes the request (table 三 （六）1 and 2)
   * and says so in writing, with the remedy like every other decision.
   */
  termination: async (trx: DbOrTrx, deps: RequestsDeps, actor: Actor, row: RequestTable, reason: 'correctionOverdue' | 'feeUnpaid', dueOn: string) =>
    noticeData(await issue(trx, deps, actor, row, 'reply.otherHandling', {
      decisions: reason === 'correctionOverdue'
        ? `本机关已于${row.correctionRequestedOn ?? ''}向您发出补正申请告知书，您未在补正期限（${dueOn}）内补正，且无正当理由。根据《中华人民共和国政府信息公开条例》第三十条的规定，视为您放弃申请，本机关不再处理您的该政府信息公开申请。`
        : `本机关已向您发出信息处理费收费通知书，您未在缴费期限（${dueOn}）内缴纳费用。根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，视为您放弃申请，本机关不再处理您的该政府信息公开申请。`,
      opinion: '',
      outcomeLabel: OUTCOME_LABELS.otherHandling,
    })),

  /** The reply: every item's decision, under the request's reported outcome (or 第四十一条 for corrections). */
  async reply(trx: DbOrTrx, deps: RequestsDeps, actor: Actor, row: RequestTable, reply: { opinion: string; items: ReplyItemTable[]; reported: ItemDecision; published: PublishedRef[] }) {
    const kind = (row.kind ?? 'disclosure') as RequestKind;
    const decisions = reply.items
      .map((item, i) => decisionParagraph(item, i + 1, kind, reply.published.find((p) => p.id === item.catalogItemId)))
      .join('\n\n');
    const noticeKind: NoticeKind = kind === 'recordCorrection' ? 'recordCorrection' : `reply.${reply.reported.outcome}`;
    return issue(trx, deps, actor, row, noticeKind, {
      decisions,
      opinion: reply.opinion,
      outcomeLabel: kind === 'recordCorrection' ? decisionLabel(reply.reported.outcome, null, kind) : OUTCOME_LABELS[reply.reported.outcome],
    });
  },
};
