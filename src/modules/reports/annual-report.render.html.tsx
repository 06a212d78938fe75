// The annual report as HTML: used in the console preview and, rendered to a string, as the body of
// the catalog item in the 年报 column. Real tables (<th scope>, rowspan/colspan, caption) so that
// screen readers announce the headers of each figure; no inline styles (CSP) — classes only.
import { render } from 'preact-render-to-string';
import type { GridCell, GridTable, ReportDocumentModel } from './annual-report.render.model.ts';

function Cell(props: { cell: GridCell }) {
  const c = props.cell;
  if (c.header)
    return <th scope={c.header} colSpan={c.colSpan} rowSpan={c.rowSpan}>{c.text}</th>;
  const cls = [c.numeric ? 'num' : '', c.manual ? 'manual' : ''].filter(Boolean).join(' ') || undefined;
  return <td class={cls} colSpan={c.colSpan} rowSpan={c.rowSpan}>{c.text}</td>;
}

export function ReportTable(props: { table: GridTable }) {
  const t = props.table;
  const head = t.rows.slice(0, t.headerRows);
  const body = t.rows.slice(t.headerRows);
  return (
    <div class="table-wrap report-table-wrap">
      <table class="report-table">
        <caption>{t.caption}</caption>
        {head.length > 0 && (
          <thead>
            {head.map((cells) => <tr>{cells.map((c) => <Cell cell={c} />)}</tr>)}
          </thead>
        )}
        <tbody>
          {body.map((cells) => <tr>{cells.map((c) => <Cell cell={c} />)}</tr>)}
        </tbody>
      </table>
      {t.note && <p class="report-note">{t.note}</p>}
    </div>
  );
}

/** Sections 一…六 in order; `withTitle` adds the report's own h1 (stand-alone use). */
export function AnnualReportView(props: { model: ReportDocumentModel; withTitle?: boolean }) {
  const m = props.model;
  return (
    <article class="annual-report">
      {props.withTitle && <h1>{m.title}</h1>}
      <p>{m.preamble}</p>
      {m.sections.map((s) => (
        <section>
          <h2>{s.heading}</h2>
          {s.paragraphs.map((p) => <p>{p}</p>)}
          {s.table && <ReportTable table={s.table} />}
        </section>
      ))}
    </article>
  );
}

/** The report as an HTML fragment (the catalog item's body; the catalog sanitises it again). */
export function renderAnnualReportHtml(model: ReportDocumentModel): string {
  return render(<AnnualReportView model={model} />);
}
