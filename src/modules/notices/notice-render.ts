// From a notice to the official letter model and its files, and the sample values a template
// preview is filled with.
import { officialLetterDocx } from '../../core/documents/official-letter.docx.ts';
import { officialLetterPdf } from '../../core/documents/official-letter.pdf.ts';
import type { OfficialLetter } from '../../core/documents/letter.ts';
import { formatChineseDate } from '../../core/time/clock.ts';
import { paragraphsOf } from './notice-template.ts';

export type NoticeFormat = 'docx' | 'pdf';

export const NOTICE_CONTENT_TYPES: Record<NoticeFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export function noticeLetter(n: { title: string; number: string; recipient: string; body: string; agencyName: string; issuedOn: string }): OfficialLetter {
  return { title: n.title, number: n.number, recipient: n.recipient, paragraphs: paragraphsOf(n.body), signature: n.agencyName, date: formatChineseDate(n.issuedOn) };
}

export function renderLetter(letter: OfficialLetter, format: NoticeFormat): Promise<Buffer> {
  return format === 'docx' ? officialLetterDocx(letter) : officialLetterPdf(letter);
}

/** Values a preview shows for what the issuing module would supply. */
export const SAMPLE_VALUES: Record<string, string> = {
  applicantName: '张三',
  trackingCode: 'GK2026-0001',
  receivedOn: '2026-11-02',
  infoDescription: '2025年度本市建设用地征收补偿安置方案',
  decisions: '一、您申请的“2025年度本市建设用地征收补偿安置方案”，属于公开范围，现予以提供（见附件）。',
  opinion: '经审查，同意按上述意见答复。',
  outcomeLabel: '部分公开',
  replyDueOn: '2026-11-30',
  extensionDays: '20',
  extendedDueOn: '2026-12-28',
  thirdPartyName: '赣州市某房地产开发有限公司',
  correctionItems: '1.请明确所需信息的名称、文号或者便于本机关查询的其他特征性描述；2.请提供申请人身份证明。',
  correctionDueOn: '2026-11-20',
  extensionReason: '所申请信息涉及多个部门，需要进一步调查核实',
  consultationDueOn: '2026-11-25',
  feeBasis: '您本月提出的政府信息公开申请为第12件，按件计收',
  feeAmount: '人民币100元',
  paymentDueOn: '2026-12-21',
  paymentMethod: '银行转账或到本机关现场缴纳',
  paidOn: '2026-11-22',
};
