// 政府信息公开工作年度报告 (第四十九、五十条): the agency's published annual reports by year, each
// linking to its catalog item (the HTML report) and its Word and PDF downloads.
import type { PublishedAnnualReport } from '../reports/index.ts';
import { attachmentHref, itemHref } from './components.tsx';
import { Layout } from './layout.tsx';
import type { PortalContext } from './portal.service.ts';

export function ReportsPage({ ctx, reports }: { ctx: PortalContext; reports: PublishedAnnualReport[] }) {
  return (
    <Layout ctx={ctx} title="政府信息公开工作年度报告" crumbs={[{ label: '政府信息公开工作年度报告' }]} nav="reports">
      <h1 class="page-title">政府信息公开工作年度报告</h1>
      <p class="lead">{ctx.agency.name}每年 1 月 31 日前公布上一年度的政府信息公开工作年度报告。</p>
      {reports.length === 0 ? <p>尚未发布年度报告。</p> : (
        <table class="item-table">
          <caption class="visually-hidden">历年年度报告</caption>
          <thead><tr><th scope="col">年度</th><th scope="col">报告</th><th scope="col">发布日期</th><th scope="col">下载</th></tr></thead>
          <tbody>
            {reports.map((r) => (
              <tr>
                <th scope="row">{r.year}年</th>
                <td><a href={itemHref(r.itemId)}>{r.title}</a></td>
                <td>{r.publishedOn ?? ''}</td>
                <td>
                  {r.docxAttachmentId && <a href={attachmentHref(r.docxAttachmentId)}>Word<span class="visually-hidden">（{r.year}年度报告）</span></a>}
                  {r.docxAttachmentId && r.pdfAttachmentId && ' · '}
                  {r.pdfAttachmentId && <a href={attachmentHref(r.pdfAttachmentId)}>PDF<span class="visually-hidden">（{r.year}年度报告）</span></a>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
