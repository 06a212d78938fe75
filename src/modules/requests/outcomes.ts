// What an agency decides on a request, exactly as table 三 of the annual report counts it
// (国办公开办函〔2021〕30号; GLOSSARY "Outcome reasons"), with the 条例 article each rests on, the
// reply types of 第三十六条 mapped onto them, and the rule that turns the outcomes of the items of
// one reply into the one outcome the request is reported under.

export const OUTCOMES = ['granted', 'partlyGranted', 'refused', 'unableToProvide', 'notProcessed', 'otherHandling'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_REASONS = {
  granted: [],
  partlyGranted: [],
  refused: ['stateSecret', 'prohibitedByLaw', 'endangersSecurity', 'thirdPartyRights', 'internalAffairs', 'processInformation', 'enforcementFile', 'administrativeQuery'],
  unableToProvide: ['notHeld', 'needsCreation', 'stillUnclear'],
  notProcessed: ['petitionOrComplaint', 'repeated', 'publication', 'excessive', 'confirmation'],
  otherHandling: ['correctionOverdue', 'feeUnpaid', 'other'],
} as const satisfies Record<Outcome, readonly string[]>;

export type RefusalReason = (typeof OUTCOME_REASONS.refused)[number];
export type OutcomeReason = (typeof OUTCOME_REASONS)[Outcome][number];
export const ALL_OUTCOME_REASONS: readonly OutcomeReason[] = OUTCOMES.flatMap((o) => OUTCOME_REASONS[o]);

/** Table 三's row labels, character for character (REGULATION.md). */
export const OUTCOME_ROW_LABELS: Record<Outcome, string> = {
  granted: '（一）予以公开',
  partlyGranted: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  refused: '（三）不予公开',
  unableToProvide: '（四）无法提供',
  notProcessed: '（五）不予处理',
  otherHandling: '（六）其他处理',
};

/** Short names for screens and notices. */
export const OUTCOME_LABELS: Record<Outcome, string> = {
  granted: '予以公开', partlyGranted: '部分公开', refused: '不予公开', unableToProvide: '无法提供', notProcessed: '不予处理', otherHandling: '其他处理',
};

/** Table 三's sub-row labels, character for character. */
export const REASON_ROW_LABELS: Record<OutcomeReason, string> = {
  stateSecret: '1.属于国家秘密',
  prohibitedByLaw: '2.其他法律行政法规禁止公开',
  endangersSecurity: '3.危及“三安全一稳定”',
  thirdPartyRights: '4.保护第三方合法权益',
  internalAffairs: '5.属于三类内部事务信息',
  processInformation: '6.属于四类过程性信息',
  enforcementFile: '7.属于行政执法案卷',
  administrativeQuery: '8.属于行政查询事项',
  notHeld: '1.本机关不掌握相关政府信息',
  needsCreation: '2.没有现成信息需要另行制作',
  stillUnclear: '3.补正后申请内容仍不明确',
  petitionOrComplaint: '1.信访举报投诉类申请',
  repeated: '2.重复申请',
  publication: '3.要求提供公开出版物',
  excessive: '4.无正当理由大量反复申请',
  confirmation: '5.要求行政机关确认或重新出具已获取信息',
  correctionOverdue: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  feeUnpaid: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  other: '3.其他',
};

/** The legal basis a notice cites for each decision (条例 articles; fees: 国办函〔2020〕109号). */
export const OUTCOME_BASIS: Record<Outcome, string> = {
  granted: '《中华人民共和国政府信息公开条例》第三十六条第（二）项',
  partlyGranted: '《中华人民共和国政府信息公开条例》第三十七条',
  refused: '《中华人民共和国政府信息公开条例》第三十六条第（三）项',
  unableToProvide: '《中华人民共和国政府信息公开条例》第三十六条',
  notProcessed: '《中华人民共和国政府信息公开条例》',
  otherHandling: '《中华人民共和国政府信息公开条例》',
};

export const REASON_BASIS: Record<OutcomeReason, string> = {
  stateSecret: '《中华人民共和国政府信息公开条例》第十四条',
  prohibitedByLaw: '《中华人民共和国政府信息公开条例》第十四条',
  endangersSecurity: '《中华人民共和国政府信息公开条例》第十四条',
  thirdPartyRights: '《中华人民共和国政府信息公开条例》第十五条',
  internalAffairs: '《中华人民共和国政府信息公开条例》第十六条第一款',
  processInformation: '《中华人民共和国政府信息公开条例》第十六条第二款',
  enforcementFile: '《中华人民共和国政府信息公开条例》第十六条第二款',
  administrativeQuery: '《中华人民共和国政府信息公开条例》第三十六条第（七）项',
  notHeld: '《中华人民共和国政府信息公开条例》第三十六条第（四）项、第（五）项',
  needsCreation: '《中华人民共和国政府信息公开条例》第三十八条',
  stillUnclear: '《中华人民共和国政府信息公开条例》第三十条',
  petitionOrComplaint: '《中华人民共和国政府信息公开条例》第三十九条第一款',
  repeated: '《中华人民共和国政府信息公开条例》第三十六条第（六）项',
  publication: '《中华人民共和国政府信息公开条例》第三十九条第二款',
  excessive: '《中华人民共和国政府信息公开条例》第三十五条',
  // Confirming or re-issuing what the applicant already has is making new information (第三十八条).
  confirmation: '《中华人民共和国政府信息公开条例》第三十八条',
  correctionOverdue: '《中华人民共和国政府信息公开条例》第三十条',
  feeUnpaid: '《中华人民共和国政府信息公开条例》第四十二条、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
  other: '',
};

/**
 * The reply types of 第三十六条, each with the outcome (and reason) it is reported under. Already
 * published information counts as granted (the notice says where it is); information the agency
 * does not hold counts as "unable to provide: not held" (the notice names the holder if known).
 */
export const REPLY_TYPES = ['alreadyPublished', 'disclosed', 'notDisclosed', 'doesNotExist', 'notHeldByAgency', 'repeatedRequest', 'specialProcedure'] as const;
export type ReplyType = (typeof REPLY_TYPES)[number];

export const REPLY_TYPE_RULES: Record<ReplyType, { label: string; article: string; outcome: Outcome; reason: OutcomeReason | null }> = {
  alreadyPublished: { label: '已主动公开，告知获取途径', article: '第三十六条第（一）项', outcome: 'granted', reason: null },
  disclosed: { label: '予以提供', article: '第三十六条第（二）项', outcome: 'granted', reason: null },
  notDisclosed: { label: '不予公开，说明理由', article: '第三十六条第（三）项', outcome: 'refused', reason: null },
  doesNotExist: { label: '经检索没有所申请信息', article: '第三十六条第（四）项', outcome: 'unableToProvide', reason: 'notHeld' },
  notHeldByAgency: { label: '不属于本机关负责公开，告知负责机关', article: '第三十六条第（五）项', outcome: 'unableToProvide', reason: 'notHeld' },
  repeatedRequest: { label: '重复申请，不予重复处理', article: '第三十六条第（六）项', outcome: 'notProcessed', reason: 'repeated' },
  specialProcedure: { label: '属于有特别规定的查询事项，告知依规定办理', article: '第三十六条第（七）项', outcome: 'refused', reason: 'administrativeQuery' },
};

export function isOutcome(value: unknown): value is Outcome {
  return typeof value === 'string' && (OUTCOMES as readonly string[]).includes(value);
}

/** True when `reason` belongs to `outcome` (granted and partly granted take no reason; every other outcome needs one). */
export function reasonFits(outcome: Outcome, reason: string | null | undefined): boolean {
  const reasons: readonly string[] = OUTCOME_REASONS[outcome];
  return reasons.length === 0 ? !reason : !!reason && reasons.includes(reason);
}

export interface ItemDecision {
  outcome: Outcome;
  reason: OutcomeReason | null;
}

/**
 * The one outcome a request is reported under when its reply covers several items of
 * information (table 三): anything provided together with anything withheld is partial
 * disclosure, and partial disclosure "只计这一情形，不计其他情形". If nothing was provided, the
 * request counts under the first of its items' decisions in the table's order (refused before
 * unable to provide before not processed before other handling, and by sub-row within each).
 */
export function reportedOutcome(items: readonly ItemDecision[]): ItemDecision {
  if (items.length === 0) throw new Error('A reply needs at least one decision');
  const provided = items.filter((i) => i.outcome === 'granted' || i.outcome === 'partlyGranted');
  if (provided.length === items.length && items.every((i) => i.outcome === 'granted')) return { outcome: 'granted', reason: null };
  if (provided.length > 0) return { outcome: 'partlyGranted', reason: null };
  const rank = (d: ItemDecision) => OUTCOMES.indexOf(d.outcome) * 100 + (d.reason ? ALL_OUTCOME_REASONS.indexOf(d.reason) : 0);
  return [...items].sort((a, b) => rank(a) - rank(b))[0];
}
