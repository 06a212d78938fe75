// Entry point of the annual report's documents: figures + narrative → DOCX, PDF or HTML, all
// drawn from one document model (annual-report.render.model.ts). Used by the console downloads,
// the catalog item created on submission and the CLI (`gongkai report annual --format docx|pdf`).
import type { AnnualReportFigures } from './reports.contract.ts';
import { defaultNarrative, type ReportNarrative } from './annual-report.narrative.ts';
import { buildReportModel, reportTitle } from './annual-report.render.model.ts';
import { renderAnnualReportDocx } from './annual-report.render.docx.ts';
import { renderAnnualReportHtml } from './annual-report.render.html.tsx';
import { renderAnnualReportPdf } from './annual-report.render.pdf.ts';

export type AnnualReportFileFormat = 'docx' | 'pdf' | 'html';

export const REPORT_MEDIA_TYPES: Record<AnnualReportFileFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};

export interface RenderedReport {
  filename: string;
  mediaType: string;
  bytes: Buffer;
}

/** Without a narrative (e.g. from the CLI) the template pre-filled from the figures is used. */
export async function renderAnnualReport(figures: AnnualReportFigures, narrative: ReportNarrative | undefined, format: AnnualReportFileFormat): Promise<RenderedReport> {
  const model = buildReportModel(figures, narrative ?? defaultNarrative(figures));
  const filename = `${reportTitle(figures.agencyName, figures.year)}.${format}`;
  const bytes =
    format === 'docx' ? await renderAnnualReportDocx(model)
      : format === 'pdf' ? await renderAnnualReportPdf(model)
        : Buffer.from(renderAnnualReportHtml(model), 'utf8');
  return { filename, mediaType: REPORT_MEDIA_TYPES[format], bytes };
}

export { buildReportModel, reportTitle, type ReportDocumentModel } from './annual-report.render.model.ts';
export { AnnualReportView, ReportTable, renderAnnualReportHtml } from './annual-report.render.html.tsx';
export { defaultNarrative, unwrittenSections, yuan, type ReportNarrative } from './annual-report.narrative.ts';
