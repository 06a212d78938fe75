// Row types: stored annual reports (migration 20261122060100). See schema.ts for the conventions.
export interface AnnualReportTable {
  id: string;
  agencyId: string;
  year: number;
  /** ReportFormat: '2019' for 2019 and 2020, '2021' from 2021. */
  format: string;
  /** draft | inReview | published, as last seen; the catalog item's status decides (annual-reports.service). */
  status: 'draft' | 'inReview' | 'published';
  /** 一、总体情况 */
  overview: string;
  /** 五、存在的主要问题及改进情况 */
  problems: string;
  /** 六、其他需要报告的事项 (including the fees collected) */
  other: string;
  /** JSON ManualFigures: table 二 cells entered by hand (手工填报), by `${rowKey}.${columnKey}`. */
  manualFigures: string;
  /** JSON AnnualReportFigures frozen at submission; null while a draft never submitted. */
  figuresSnapshot: string | null;
  /** The item in the 年报 column ('gknb') created on submission. */
  catalogItemId: string | null;
  submittedAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}
