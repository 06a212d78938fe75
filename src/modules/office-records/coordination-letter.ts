// The release coordination letter (发布协调函, 条例 第十一条) as an official letter: one model for
// the printable HTML page and the Word file (core/documents, GB/T 9704 layout).
import { officialLetterDocx } from '../../core/documents/official-letter.docx.ts';
import type { OfficialLetter } from '../../core/documents/letter.ts';
import { formatChineseDate } from '../../core/time/clock.ts';
import type { ReleaseCoordination } from './office-records.contract.ts';

export const COORDINATION_LETTER_TITLE = '关于拟公开政府信息的协调函';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function coordinationLetter(c: ReleaseCoordination, itemTitle: string, agencyName: string): OfficialLetter {
  return {
    title: COORDINATION_LETTER_TITLE,
    number: c.number,
    recipient: c.recipientAgency,
    paragraphs: [
      `我机关拟主动公开《${itemTitle}》，其内容涉及贵单位。根据《中华人民共和国政府信息公开条例》第十一条，现就以下事项征求意见：`,
      c.question,
      `请于${formatChineseDate(c.dueOn)}前书面答复。逾期未答复的，视为无意见。`,
      `贵单位联系人：${c.recipientContact}`,
    ],
    signature: agencyName,
    date: formatChineseDate(c.sentOn),
  };
}

export function coordinationLetterDocx(c: ReleaseCoordination, itemTitle: string, agencyName: string): Promise<Buffer> {
  return officialLetterDocx(coordinationLetter(c, itemTitle, agencyName));
}
