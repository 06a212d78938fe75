// The item page: the catalog metadata table (索引号 · 主题分类 · 发文机关 · 成文日期 · 标题 · 发文字号
// · 发布日期 · 有效性, 条例 第十二条 and UX.md), the body, attachments, linked 政策解读 both ways
// and earlier versions; plus the print view with the same content and no navigation.
import { legalDate } from '../../core/time/clock.ts';
import { VALIDITY_LABELS, type ItemDetail, type ItemSummary } from '../catalog/index.ts';
import { attachmentHref, columnHref, fileTypeLabel, FontSizeLinks, formatSize, itemHref, Notice, portalHref, QrCode } from './components.tsx';
import { Layout, PrintLayout } from './layout.tsx';
import { ClarificationNotice, ClarificationTag } from './clarification.tsx';
import type { ClarificationDetail } from '../office-records/index.ts';
import { columnPath, type PortalContext } from './portal.service.ts';

function MetadataTable({ item }: { item: ItemDetail }) {
  return (
    <table class="meta-table">
      <caption class="visually-hidden">文件信息</caption>
      <tbody>
        <tr>
          <th scope="row">索引号</th>
          <td>{item.indexNumber ?? ''}</td>
          <th scope="row">主题分类</th>
          <td>{item.topic}</td>
        </tr>
        <tr>
          <th scope="row">发文机关</th>
          <td>{item.issuers.join('、')}</td>
          <th scope="row">成文日期</th>
          <td>{item.writtenOn ?? ''}</td>
        </tr>
        <tr>
          <th scope="row">标题</th>
          <td colSpan={3}>{item.title}</td>
        </tr>
        <tr>
          <th scope="row">发文字号</th>
          <td>{item.docNumber}</td>
          <th scope="row">发布日期</th>
          <td>{item.publishedOn ?? ''}</td>
        </tr>
        <tr>
          <th scope="row">有效性</th>
          <td colSpan={3}>{VALIDITY_LABELS[item.validity]}</td>
        </tr>
      </tbody>
    </table>
  );
}

function ValidityBanner({ item }: { item: ItemDetail }) {
  if (item.validity === 'repealed')
    return (
      <Notice kind="warning" title="本文件已废止">
        <p>{item.repealedOn ? `本文件已于 ${item.repealedOn} 废止，` : '本文件已废止，'}仅供查阅，不再作为执行依据。</p>
      </Notice>
    );
  if (item.validity === 'expired')
    return (
      <Notice kind="warning" title="本文件已失效">
        <p>本文件已超过有效期，仅供查阅。</p>
      </Notice>
    );
  return null;
}

function LinkedItems({ id, heading, items }: { id: string; heading: string; items: ItemSummary[] }) {
  if (!items.length) return null;
  return (
    <section class="item-section" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <ul class="link-list">
        {items.map((i) => (
          <li>
            <a href={itemHref(i.id)}>{i.title}</a>
            {i.publishedOn && <span class="latest-date">{i.publishedOn}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Title, banner, metadata, body and attachments: shared by the item page and its print view. */
function ItemContent({ item, headingId, clarification }: { item: ItemDetail; headingId: string; clarification?: ClarificationDetail | null }) {
  return (
    <>
      <h1 class="item-title" id={headingId}>
        {item.title}
        <ClarificationTag item={item} />
      </h1>
      <ValidityBanner item={item} />
      <ClarificationNotice clarification={clarification} />
      {item.repealNoticeForItemId && (
        <p class="notice-inline">
          本文为废止说明，<a href={itemHref(item.repealNoticeForItemId)}>查看被废止的文件</a>。
        </p>
      )}
      <MetadataTable item={item} />
      {item.summary && (
        <p class="item-summary">
          <strong>内容概述：</strong>
          {item.summary}
        </p>
      )}
      {/* bodyHtml was sanitised by the catalog when it was saved (catalog.contract.ts). */}
      <div class="item-body" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
      {item.attachments.length > 0 && (
        <section class="item-section" aria-labelledby="attachments-heading">
          <h2 id="attachments-heading">附件</h2>
          <ul class="attachment-list">
            {item.attachments.map((a) => (
              <li>
                <a href={attachmentHref(a.id)} download={a.filename}>
                  {a.filename}
                </a>
                <span class="attachment-meta">
                  （{fileTypeLabel(a.filename, a.mediaType)}，{formatSize(a.size)}）
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

export function ItemPage({ ctx, item, clarification }: { ctx: PortalContext; item: ItemDetail; clarification?: ClarificationDetail | null }) {
  const path = columnPath(ctx.columns, item.columnId);
  const trail = path.length ? path : [{ id: item.columnId, name: item.columnName }];
  return (
    <Layout
      ctx={ctx}
      title={item.title}
      crumbs={[
        { label: '信息公开目录', href: portalHref(ctx, '/catalog') },
        ...trail.map((c) => ({ label: c.name, href: columnHref(c.id) })),
        { label: '正文' },
      ]}
      nav="catalog"
      head={{ ogType: 'article', description: item.summary || [item.docNumber, item.issuers.join('、')].filter(Boolean).join(' ') || undefined }}
    >
      <article class="item" aria-labelledby="item-title">
        <ItemContent item={item} headingId="item-title" clarification={clarification} />
        <LinkedItems id="interpretations-heading" heading="政策解读" items={item.interpretations} />
        <LinkedItems id="interprets-heading" heading="所解读的文件" items={item.interprets} />
        {item.versions.length > 0 && (
          <section class="item-section" aria-labelledby="versions-heading">
            <h2 id="versions-heading">历史版本</h2>
            <p>本文件现为第 {item.version} 版。此前的版本：</p>
            <ul class="link-list">
              {item.versions.map((v) => (
                <li>
                  第 {v.version} 版（{legalDate(new Date(v.createdAt))}）
                </li>
              ))}
            </ul>
          </section>
        )}
        <div class="item-tools">
          <FontSizeLinks />
          <a href={`${itemHref(item.id)}/print`}>【打印】</a>
        </div>
        <QrCode path={itemHref(item.id)} label="用手机扫描二维码阅读本文" />
      </article>
    </Layout>
  );
}

export function ItemPrintPage({ ctx, item, clarification }: { ctx: PortalContext; item: ItemDetail; clarification?: ClarificationDetail | null }) {
  return (
    <PrintLayout ctx={ctx} title={item.title} backHref={itemHref(item.id)}>
      <ItemContent item={item} headingId="item-title" clarification={clarification} />
      <QrCode path={itemHref(item.id)} label="扫描二维码在手机上阅读本文" />
    </PrintLayout>
  );
}
