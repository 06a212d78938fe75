// The default wording of every notice kind (an agency's edited template overrides it), and the
// placeholders each kind may use. The salutation ("{recipient}："), the number line, the signature
// and the date are laid out by the letter itself (GB/T 9704), so templates hold only the title and
// the paragraphs. Paragraphs are separated by blank lines. The defaults leave out the agency's
// address and phone (an agency that has set them may add {agencyAddress}/{agencyPhone}): a value
// missing at issue time is an error, and not every agency has filled them in.
import type { NoticeKind } from './notices.contract.ts';

/** Filled in by the notices module itself at issue time. */
export const AGENCY_PLACEHOLDERS = ['agencyName', 'agencyShort', 'agencyAddress', 'agencyPhone', 'issuedOn', 'noticeNumber', 'recipient', 'remedy'] as const;

const REQUEST_PLACEHOLDERS = ['applicantName', 'trackingCode', 'receivedOn', 'infoDescription'] as const;

/** What the issuing module must pass in `values` for each kind (beyond AGENCY_PLACEHOLDERS). */
// Replies also get the officer's opinion and the outcome's label (requests/request-notices.ts).
const REPLY_PLACEHOLDERS = [...REQUEST_PLACEHOLDERS, 'decisions', 'opinion', 'outcomeLabel'] as const;

export const CALLER_PLACEHOLDERS: Record<NoticeKind, readonly string[]> = {
  'reply.granted': REPLY_PLACEHOLDERS,
  'reply.partlyGranted': REPLY_PLACEHOLDERS,
  'reply.refused': REPLY_PLACEHOLDERS,
  'reply.unableToProvide': REPLY_PLACEHOLDERS,
  'reply.notProcessed': REPLY_PLACEHOLDERS,
  'reply.otherHandling': REPLY_PLACEHOLDERS,
  receipt: [...REQUEST_PLACEHOLDERS, 'replyDueOn'],
  correction: [...REQUEST_PLACEHOLDERS, 'correctionItems', 'correctionDueOn'],
  extension: [...REQUEST_PLACEHOLDERS, 'extensionReason', 'extensionDays', 'replyDueOn', 'extendedDueOn'],
  // Addressed to the third party: the applicant's identity is not a placeholder here.
  thirdPartyConsultation: ['trackingCode', 'receivedOn', 'infoDescription', 'thirdPartyName', 'consultationDueOn'],
  feeNotice: [...REQUEST_PLACEHOLDERS, 'feeBasis', 'feeAmount', 'paymentDueOn', 'paymentMethod'],
  feeReceipt: [...REQUEST_PLACEHOLDERS, 'feeAmount', 'paidOn'],
  recordCorrection: REPLY_PLACEHOLDERS,
};

/** Chinese names of the placeholders, shown on the template page. */
export const PLACEHOLDER_LABELS: Record<string, string> = {
  agencyName: '本机关名称', agencyShort: '本机关简称', agencyAddress: '本机关地址', agencyPhone: '本机关联系电话',
  issuedOn: '落款日期', noticeNumber: '文号', recipient: '收件人', remedy: '救济途径（行政复议、行政诉讼）',
  applicantName: '申请人姓名或名称', trackingCode: '申请编号（查询码）', receivedOn: '收到申请日期', infoDescription: '所需信息的内容描述',
  decisions: '逐项答复内容', opinion: '办理意见', outcomeLabel: '处理结果（如“部分公开”）', replyDueOn: '答复期限',
  correctionItems: '需要补正的事项', correctionDueOn: '补正期限', extensionReason: '延期理由', extensionDays: '延长的工作日数',
  extendedDueOn: '延长后的答复期限', thirdPartyName: '第三方名称', consultationDueOn: '提出意见的期限', feeBasis: '收费方式与计算依据', feeAmount: '收费金额',
  paymentDueOn: '缴费期限', paymentMethod: '缴费方式', paidOn: '缴费日期',
};

/**
 * Kinds that decide something the applicant may challenge: their templates must keep {remedy}
 * (every reply carries the remedy: reconsideration within 60 days, litigation within 6 months).
 */
export const REMEDY_KINDS: readonly NoticeKind[] = [
  'reply.granted', 'reply.partlyGranted', 'reply.refused', 'reply.unableToProvide', 'reply.notProcessed', 'reply.otherHandling',
  'feeNotice', 'recordCorrection',
];

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  'reply.granted': '答复书（予以公开）',
  'reply.partlyGranted': '答复书（部分公开）',
  'reply.refused': '答复书（不予公开）',
  'reply.unableToProvide': '答复书（无法提供）',
  'reply.notProcessed': '答复书（不予处理）',
  'reply.otherHandling': '答复书（其他处理）',
  receipt: '申请登记回执',
  correction: '补正申请告知书',
  extension: '延期答复告知书',
  thirdPartyConsultation: '征求第三方意见函',
  feeNotice: '信息处理费收费通知书',
  feeReceipt: '信息处理费缴费确认书',
  recordCorrection: '更正政府信息记录答复书',
};

const OPENING = '{agencyName}于{receivedOn}收到您提交的政府信息公开申请（申请编号：{trackingCode}），您申请获取“{infoDescription}”。';
const REPLY_TITLE = '政府信息公开申请答复书';

const reply = (decision: string) => [OPENING, decision, '{decisions}', '{remedy}'].join('\n\n');

export const DEFAULT_TEMPLATES: Record<NoticeKind, { title: string; body: string }> = {
  'reply.granted': {
    title: REPLY_TITLE,
    body: reply('经审查，根据《中华人民共和国政府信息公开条例》第三十六条第（一）项、第（二）项的规定，现答复如下：'),
  },
  'reply.partlyGranted': {
    title: REPLY_TITLE,
    body: reply('经审查，您申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。根据《中华人民共和国政府信息公开条例》第三十七条的规定，本机关向您提供可以公开的内容，并对不予公开的内容说明理由。现答复如下：'),
  },
  'reply.refused': {
    title: REPLY_TITLE,
    body: reply('经审查，根据《中华人民共和国政府信息公开条例》第三十六条第（三）项的规定，本机关决定不予公开，理由及依据如下：'),
  },
  'reply.unableToProvide': {
    title: REPLY_TITLE,
    body: reply('经审查，本机关无法向您提供所申请的政府信息，根据《中华人民共和国政府信息公开条例》第三十六条的规定，现答复如下：'),
  },
  'reply.notProcessed': {
    title: REPLY_TITLE,
    body: reply('经审查，您的申请依法不作为政府信息公开申请处理，现将有关情况告知如下：'),
  },
  'reply.otherHandling': {
    title: REPLY_TITLE,
    body: reply('经审查，现将您的申请处理情况告知如下：'),
  },
  receipt: {
    title: '政府信息公开申请登记回执',
    body: [
      '{agencyName}已于{receivedOn}收到您提交的政府信息公开申请，申请编号为{trackingCode}，所需信息为“{infoDescription}”。',
      '根据《中华人民共和国政府信息公开条例》第三十三条的规定，本机关将于{replyDueOn}前予以答复；需要延长答复期限的，将另行书面告知。您可凭申请编号查询办理进度。',
    ].join('\n\n'),
  },
  correction: {
    title: '政府信息公开申请补正告知书',
    body: [
      OPENING,
      '经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请您对以下事项作出补正：',
      '{correctionItems}',
      '请于{correctionDueOn}前补正。答复期限自本机关收到补正的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
    ].join('\n\n'),
  },
  extension: {
    title: '政府信息公开申请延期答复告知书',
    body: [
      OPENING,
      '因{extensionReason}，本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经政府信息公开工作机构负责人同意，答复期限延长至{replyDueOn}（延长的期限不超过20个工作日）。',
    ].join('\n\n'),
  },
  thirdPartyConsultation: {
    title: '政府信息公开征求第三方意见书',
    body: [
      '{agencyName}于{receivedOn}收到一份政府信息公开申请（编号：{trackingCode}），申请获取“{infoDescription}”。经审查，该信息的公开可能损害您的合法权益。',
      '根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求您的意见。请于{consultationDueOn}前（自收到本意见书之日起15个工作日内）书面提出是否同意公开的意见及理由。逾期未提出意见的，本机关将依照条例的规定决定是否公开。',
      '第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的内容和理由书面告知您。',
    ].join('\n\n'),
  },
  feeNotice: {
    title: '政府信息公开信息处理费收费通知书',
    body: [
      OPENING,
      '根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，您的申请数量、频次明显超过合理范围，本机关依法收取信息处理费。{feeBasis}，应缴金额为{feeAmount}。',
      '请于{paymentDueOn}前通过{paymentMethod}缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。确有经济困难的，可以申请减免。',
      '{remedy}',
    ].join('\n\n'),
  },
  feeReceipt: {
    title: '政府信息公开信息处理费缴费确认书',
    body: [
      '{agencyName}已于{paidOn}收到您就政府信息公开申请（申请编号：{trackingCode}，所需信息为“{infoDescription}”）缴纳的信息处理费{feeAmount}。本机关将继续办理您的申请，答复期限自收到费用之日起继续计算。',
    ].join('\n\n'),
  },
  recordCorrection: {
    title: '更正政府信息记录申请答复书',
    body: [
      '{agencyName}于{receivedOn}收到您提交的更正政府信息记录申请（申请编号：{trackingCode}），要求更正“{infoDescription}”。',
      '根据《中华人民共和国政府信息公开条例》第四十一条的规定，经审核，现答复如下：',
      '{decisions}',
      '{remedy}',
    ].join('\n\n'),
  },
};
