// The annual report's figures (第五十条) as the reports module computes them, in the national
// formats: 国办公开办函〔2019〕60号 (reports for 2019 and 2020) and 国办公开办函〔2021〕30号 (from 2021).
// Labels are character for character those of the official tables (REGULATION.md); H6 renders
// them, H5 computes them. Manual figures (those the platform does not keep) are keyed by cell key.

import { OUTCOME_REASONS, OUTCOME_ROW_LABELS, REASON_ROW_LABELS } from '../requests/index.ts';

/** '2019' for the years 2019 and 2020, '2021' from 2021 on. */
export type ReportFormat = '2019' | '2021';

export function reportFormatFor(year: number): ReportFormat {
  return year <= 2020 ? '2019' : '2021';
}

export interface ReportRow {
  /** Stable identifier of the row (table 二: 'rules', 'licensing'…; table 三: 'received', an outcome or reason…). */
  key?: string;
  label: string;
  /** Table 三 sub-rows: the row group ('（三）不予公开'); table 四: '行政诉讼' for the two litigation rows. */
  group?: string;
  /** One value per column; null = not known (a manual figure nobody entered): shown blank, never 0. */
  values: (number | null)[];
  /** Per column: true when the value is (or must be) entered by hand. */
  manual?: boolean[];
}

export interface Table2Section {
  /** '第二十条第（一）项' … */
  section: string;
  /** The value columns (the first column 信息内容 holds the row label). */
  columns: string[];
  rows: ReportRow[];
}

export interface ReportCheck {
  /** '一 + 二 = （七） + 四', '（七） = （一）至（六）之和', '总计 = 各类申请人之和'. */
  name: string;
  ok: boolean;
  /** The applicant column the check failed in (table 三 column label); absent for row-wise checks. */
  column?: string;
  detail: string;
  /** Requests that explain the failure (empty when ok). */
  requests: { trackingCode: string; problem: string }[];
}

export interface AnnualReportFigures {
  agencyId: string;
  agencyName: string;
  year: number;
  format: ReportFormat;
  table2: Table2Section[];
  /** 25 rows (2021) / 23 (2019) in the official order; values = TABLE3_COLUMNS. */
  table3: ReportRow[];
  /** 3 rows: 行政复议, 未经复议直接起诉, 复议后起诉 (group 行政诉讼); values = TABLE4_COLUMNS. */
  table4: ReportRow[];
  checks: ReportCheck[];
  /** 信息处理费 collected in the year (第四十二条), in fen; for section 六. */
  feesCollectedFen: number;
  /** ISO instant. */
  computedAt: string;
}

/** Hand-entered table 二 figures by cell key `${rowKey}.${columnKey}` (see TABLE2_LAYOUT); null = blank. */
export type ManualFigures = Record<string, number | null>;

export interface ComputeAnnualReportInput {
  agencyId: string;
  year: number;
  manual?: ManualFigures;
}

export interface RollUpResult {
  year: number;
  format: ReportFormat;
  /** The agency itself first, then its child agencies. */
  agencies: AnnualReportFigures[];
  /** Every cell summed (null only when null for every agency); checks recomputed on the total. */
  total: AnnualReportFigures;
}

export const TABLE3_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;
/** The column group heading over the five organisation columns. */
export const TABLE3_ORGANISATION_HEADING = '法人或其他组织';
/** applicantType identifiers in the order of TABLE3_COLUMNS (without 总计). */
export const TABLE3_APPLICANT_TYPES = ['person', 'business', 'research', 'nonprofit', 'legalService', 'other'] as const;

export const TABLE3_TOP_LABELS = {
  received: '一、本年新收政府信息公开申请数量',
  carriedIn: '二、上年结转政府信息公开申请数量',
  results: '三、本年度办理结果',
  total: '（七）总计',
  carriedOut: '四、结转下年度继续办理',
} as const;

export const TABLE4_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
export const TABLE4_HEADINGS = { reconsideration: '行政复议', litigation: '行政诉讼' } as const;
export const TABLE4_ROW_LABELS = {
  reconsideration: '行政复议',
  direct: '未经复议直接起诉',
  afterReconsideration: '复议后起诉',
} as const;

export interface Table2LayoutSection {
  section: string;
  columns: { key: string; label: string }[];
  rows: { key: string; label: string }[];
  /** Cells the platform computes from the catalog (`${rowKey}.${columnKey}`); all others are manual. */
  computed: string[];
}

/** Table 二 of each format, with the cells the catalog can answer. */
export const TABLE2_LAYOUT: Record<ReportFormat, Table2LayoutSection[]> = {
  '2021': [
    {
      section: '第二十条第（一）项',
      columns: [{ key: 'made', label: '本年制发件数' }, { key: 'repealed', label: '本年废止件数' }, { key: 'inForce', label: '现行有效件数' }],
      rows: [{ key: 'rules', label: '规章' }, { key: 'normative', label: '行政规范性文件' }],
      computed: ['rules.made', 'rules.repealed', 'rules.inForce', 'normative.made', 'normative.repealed', 'normative.inForce'],
    },
    {
      section: '第二十条第（五）项',
      columns: [{ key: 'decisions', label: '本年处理决定数量' }],
      rows: [{ key: 'licensing', label: '行政许可' }],
      computed: [],
    },
    {
      section: '第二十条第（六）项',
      columns: [{ key: 'decisions', label: '本年处理决定数量' }],
      rows: [{ key: 'penalty', label: '行政处罚' }, { key: 'enforcement', label: '行政强制' }],
      computed: [],
    },
    {
      section: '第二十条第（八）项',
      columns: [{ key: 'amount', label: '本年收费金额（单位：万元）' }],
      rows: [{ key: 'fees', label: '行政事业性收费' }],
      computed: [],
    },
  ],
  '2019': [
    {
      section: '第二十条第（一）项',
      columns: [{ key: 'made', label: '本年新制作数量' }, { key: 'published', label: '本年新公开数量' }, { key: 'publishedTotal', label: '对外公开总数量' }],
      rows: [{ key: 'rules', label: '规章' }, { key: 'normative', label: '规范性文件' }],
      computed: ['rules.made', 'rules.published', 'rules.publishedTotal', 'normative.made', 'normative.published', 'normative.publishedTotal'],
    },
    {
      section: '第二十条第（五）项',
      columns: [{ key: 'previousCount', label: '上一年项目数量' }, { key: 'change', label: '本年增/减' }, { key: 'decisions', label: '处理决定数量' }],
      rows: [{ key: 'licensing', label: '行政许可' }, { key: 'otherServices', label: '其他对外管理服务事项' }],
      computed: [],
    },
    {
      section: '第二十条第（六）项',
      columns: [{ key: 'previousCount', label: '上一年项目数量' }, { key: 'change', label: '本年增/减' }, { key: 'decisions', label: '处理决定数量' }],
      rows: [{ key: 'penalty', label: '行政处罚' }, { key: 'enforcement', label: '行政强制' }],
      computed: [],
    },
    {
      section: '第二十条第（八）项',
      columns: [{ key: 'previousCount', label: '上一年项目数量' }, { key: 'change', label: '本年增/减' }],
      rows: [{ key: 'fees', label: '行政事业性收费' }],
      computed: [],
    },
    {
      section: '第二十条第（九）项',
      columns: [{ key: 'count', label: '采购项目数量' }, { key: 'amount', label: '采购总金额' }],
      rows: [{ key: 'procurement', label: '政府集中采购' }],
      computed: [],
    },
  ],
};

/** Every hand-entered cell of a format, for the entry form: key `${rowKey}.${columnKey}`. */
export function manualCells(format: ReportFormat): { key: string; section: string; row: string; column: string }[] {
  return TABLE2_LAYOUT[format].flatMap((s) =>
    s.rows.flatMap((r) =>
      s.columns
        .filter((c) => !s.computed.includes(`${r.key}.${c.key}`))
        .map((c) => ({ key: `${r.key}.${c.key}`, section: s.section, row: r.label, column: c.label })),
    ),
  );
}

export interface Table3LayoutRow {
  /** 'received', 'carriedIn', an Outcome ('granted'…), an OutcomeReason ('stateSecret'…), 'total', 'carriedOut'. */
  key: string;
  label: string;
  group?: string;
}

/**
 * Table 三's rows in the official order. The heading 三、本年度办理结果 spans the rows from （一） to
 * （七） and is not a row of its own; the outcomes （三）…（六） are group headings over their reasons,
 * except （六）其他处理 in the 2019 format, which is one row (key 'otherHandling').
 */
export function table3Layout(format: ReportFormat): Table3LayoutRow[] {
  const rows: Table3LayoutRow[] = [
    { key: 'received', label: TABLE3_TOP_LABELS.received },
    { key: 'carriedIn', label: TABLE3_TOP_LABELS.carriedIn },
    { key: 'granted', label: OUTCOME_ROW_LABELS.granted },
    { key: 'partlyGranted', label: OUTCOME_ROW_LABELS.partlyGranted },
  ];
  for (const outcome of ['refused', 'unableToProvide', 'notProcessed', 'otherHandling'] as const) {
    if (outcome === 'otherHandling' && format === '2019') {
      rows.push({ key: outcome, label: OUTCOME_ROW_LABELS[outcome] });
      continue;
    }
    for (const reason of OUTCOME_REASONS[outcome]) rows.push({ key: reason, label: REASON_ROW_LABELS[reason], group: OUTCOME_ROW_LABELS[outcome] });
  }
  rows.push({ key: 'total', label: TABLE3_TOP_LABELS.total }, { key: 'carriedOut', label: TABLE3_TOP_LABELS.carriedOut });
  return rows;
}
