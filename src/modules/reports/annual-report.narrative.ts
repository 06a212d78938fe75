// The narrative sections officers write (一 总体情况, 五 存在的主要问题及改进情况, 六 其他需要报告的事项),
// pre-filled from the figures so that the numbers in the text agree with the tables. The fees of
// section 六 are those collected under 第四十二条 and 国办函〔2020〕109号.
import type { AnnualReportFigures, ReportRow } from './reports.contract.ts';
import { TABLE3_TOP_LABELS } from './reports.contract.ts';

export interface ReportNarrative {
  overview: string;
  problems: string;
  other: string;
}

/** Marks the passages of the template an officer must still write; submission refuses them. */
export const TO_BE_WRITTEN = '……';

export interface NarrativeFacts {
  /** Items the agency published in the year (from the catalog). */
  publishedItems: number;
}

const TOTAL_COLUMN = 6;

function rowTotal(rows: ReportRow[], test: (r: ReportRow) => boolean): number {
  const row = rows.find(test);
  return Number(row?.values[TOTAL_COLUMN] ?? 0);
}

/** Fen → yuan with two decimals ("123.45"). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function narrativeFigures(figures: AnnualReportFigures) {
  const t3 = figures.table3;
  const byLabel = (label: string) => rowTotal(t3, (r) => r.label === label);
  const normative = figures.table2[0]?.rows.find((r) => r.key === 'normative' || r.label.includes('规范性文件'));
  const t4Total = (i: number) => Number(figures.table4[i]?.values[figures.table4[i].values.length - 1] ?? 0);
  return {
    received: byLabel(TABLE3_TOP_LABELS.received),
    carriedIn: byLabel(TABLE3_TOP_LABELS.carriedIn),
    closed: byLabel(TABLE3_TOP_LABELS.total),
    carriedOut: byLabel(TABLE3_TOP_LABELS.carriedOut),
    granted: rowTotal(t3, (r) => r.key === 'granted' || r.label.startsWith('（一）')),
    partlyGranted: rowTotal(t3, (r) => r.key === 'partlyGranted' || r.label.startsWith('（二）')),
    normativeMade: Number(normative?.values[0] ?? 0),
    reconsiderations: t4Total(0),
    lawsuits: t4Total(1) + t4Total(2),
  };
}

/** The template officers start from: every number taken from the figures. */
export function defaultNarrative(figures: AnnualReportFigures, facts?: NarrativeFacts): ReportNarrative {
  const n = narrativeFigures(figures);
  const y = figures.year;
  const overview = [
    `${y}年，${figures.agencyName}深入贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，` +
      `扎实推进政府信息公开工作。`,
    `（一）主动公开。全年主动公开政府信息${facts ? facts.publishedItems : TO_BE_WRITTEN}条，其中制发行政规范性文件${n.normativeMade}件。`,
    `（二）依申请公开。全年新收政府信息公开申请${n.received}件，上年结转${n.carriedIn}件；办结${n.closed}件，` +
      `其中予以公开${n.granted}件、部分公开${n.partlyGranted}件；结转下年度继续办理${n.carriedOut}件。`,
    `（三）收费情况。全年收取信息处理费${yuan(figures.feesCollectedFen)}元。`,
    `（四）行政复议和行政诉讼。全年因政府信息公开工作被申请行政复议${n.reconsiderations}件、被提起行政诉讼${n.lawsuits}件。`,
    `（五）平台建设和监督保障。${TO_BE_WRITTEN}`,
  ].join('\n');
  const problems = [
    `${y}年，本机关政府信息公开工作仍存在以下不足：一是${TO_BE_WRITTEN}；二是${TO_BE_WRITTEN}。`,
    `下一步，本机关将${TO_BE_WRITTEN}。`,
  ].join('\n');
  const fees = figures.feesCollectedFen > 0
    ? `本机关依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费，${y}年共收取信息处理费${yuan(figures.feesCollectedFen)}元。`
    : `${y}年，本机关未收取信息处理费。`;
  return { overview, problems, other: `${fees}\n本年度无其他需要报告的事项。` };
}

/** The sections still holding the template's unwritten passages (their field names). */
export function unwrittenSections(narrative: ReportNarrative): (keyof ReportNarrative)[] {
  return (['overview', 'problems', 'other'] as const).filter((k) => !narrative[k].trim() || narrative[k].includes(TO_BE_WRITTEN));
}
