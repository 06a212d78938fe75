// Public surface of the reports module. Each part of the module adds its own lines.
export * from './reports.contract.ts';
export * from './dashboard.index.ts';
export { createReportFiguresService, type ReportFiguresService, type ReportFiguresDeps } from './figures.service.ts';
export { TABLE2_COLUMN_CODES, CHECK_NAMES } from './annual-figures.ts';
export { canComputeReports } from './reports.policy.ts';
export {
  createAnnualReportsService, canViewAnnualReports, canEditAnnualReports, REPORT_COLUMN_CODE, REPORT_STATUS_LABELS,
  type AnnualReportsService, type AnnualReportView, type AnnualReportStatus, type PublishedAnnualReport,
} from './annual-reports.service.ts';
export { renderAnnualReport, buildReportModel, AnnualReportView as AnnualReportDocument, type ReportNarrative } from './annual-report.render.ts';
export { createLedgerImportService, LedgerRejected, IMPORTED_APPLICANT_NAME, type LedgerImportService, type LedgerImportResult } from './ledger-import.service.ts';
export { LEDGER_COLUMNS } from './ledger-import.parse.ts';
export { rollUpWorkbook } from './rollup.export.ts';
export { registerReportsApi } from './reports.api.ts';
