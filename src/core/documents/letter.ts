// The neutral model of an official letter (公文, GB/T 9704-2012 layout) that the DOCX and PDF
// writers share, and the page geometry both use.

export interface OfficialLetter {
  title: string;
  /** 发文字号, printed on its own line under the title; empty for an unnumbered draft. */
  number: string;
  /** 主送: printed as "{recipient}：" above the body. */
  recipient: string;
  paragraphs: string[];
  /** 发文机关署名 (the agency's full name). */
  signature: string;
  /** 成文日期 in the 2026年11月22日 style. */
  date: string;
  /** 附件 names, listed after the body. */
  attachments?: string[];
}

/** GB/T 9704: A4, 版心 156 × 225 mm; top 37 mm, left 28 mm (bottom 35, right 26 make up the rest). */
export const LETTER_PAGE = {
  widthMm: 210,
  heightMm: 297,
  marginsMm: { top: 37, bottom: 35, left: 28, right: 26 },
  /** 3号 = 16 pt (body), 2号 = 22 pt (title). */
  bodyPt: 16,
  titlePt: 22,
  /** 22 lines in the 225 mm 版心 ≈ 28.95 pt per line. */
  linePt: 28.95,
} as const;

export const mmToPt = (mm: number): number => (mm * 72) / 25.4;
/** Word's unit: 1/20 pt. */
export const mmToTwip = (mm: number): number => Math.round(mmToPt(mm) * 20);

/** Font names a Chinese government Word document uses (GB/T 9704: 仿宋 body, 小标宋 title). */
export const WORD_FONTS = {
  body: '仿宋_GB2312',
  title: '方正小标宋简体',
  /** Western characters in the body. */
  latin: 'Times New Roman',
} as const;
