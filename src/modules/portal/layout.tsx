// The portal's page frame: skip link, header with the agency name and site search, main
// navigation, breadcrumb, main content and footer (UX.md "Portal conventions" and
// "Accessibility floor"). No inline styles or scripts: the CSP forbids them.
import type { ComponentChildren } from 'preact';
import { Breadcrumb, columnHref, portalHref, SearchBox, type Crumb } from './components.tsx';
import type { PortalContext } from './portal.service.ts';

export type NavKey = 'home' | 'catalog' | 'guide' | 'apply' | 'reports' | 'search' | 'none';

const SITE_SUFFIX = '政府信息公开';

function siteName(ctx: PortalContext | null): string {
  return ctx ? `${ctx.agency.name}${SITE_SUFFIX}` : `${SITE_SUFFIX}平台`;
}

function Head({ title }: { title: string }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      <link rel="stylesheet" href="/assets/site.css" />
    </head>
  );
}

function MainNav({ ctx, current }: { ctx: PortalContext | null; current: NavKey }) {
  const entries: { key: NavKey; label: string; href: string }[] = [
    { key: 'home', label: '首页', href: portalHref(ctx, '/') },
    { key: 'catalog', label: '信息公开目录', href: portalHref(ctx, '/catalog') },
    { key: 'guide', label: '政府信息公开指南', href: portalHref(ctx, '/guide') },
  ];
  if (ctx?.applyColumn) entries.push({ key: 'apply', label: '依申请公开', href: columnHref(ctx.applyColumn.id) });
  if (ctx?.reportsColumn) entries.push({ key: 'reports', label: '年度报告', href: columnHref(ctx.reportsColumn.id) });
  return (
    <nav class="main-nav" aria-label="主导航">
      <ul class="container">
        {entries.map((e) => (
          <li>
            <a href={e.href} aria-current={e.key === current ? 'page' : undefined}>
              {e.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Footer({ ctx }: { ctx: PortalContext | null }) {
  const a = ctx?.agency;
  return (
    <footer class="site-footer">
      <div class="container">
        {a ? (
          <dl class="footer-facts">
            <div>
              <dt>主办单位</dt>
              <dd>{a.name}</dd>
            </div>
            {a.address && (
              <div>
                <dt>地址</dt>
                <dd>
                  {a.address}
                  {a.postcode && `（邮编 ${a.postcode}）`}
                </dd>
              </div>
            )}
            {a.phone && (
              <div>
                <dt>联系电话</dt>
                <dd>{a.phone}</dd>
              </div>
            )}
            {a.officeHours && (
              <div>
                <dt>办公时间</dt>
                <dd>{a.officeHours}</dd>
              </div>
            )}
          </dl>
        ) : (
          <p>政府信息公开平台</p>
        )}
        {a?.email && (
          <p class="footer-links">
            <a href={`mailto:${a.email}?subject=${encodeURIComponent('我为政府网站找错')}`}>我为政府网站找错</a>
          </p>
        )}
      </div>
    </footer>
  );
}

export interface LayoutProps {
  ctx: PortalContext | null;
  /** The page's own title: the <title> is "title - site". */
  title: string;
  crumbs: Crumb[];
  nav: NavKey;
  children: ComponentChildren;
}

export function Layout({ ctx, title, crumbs, nav, children }: LayoutProps) {
  const site = siteName(ctx);
  return (
    <html lang="zh-CN">
      <Head title={`${title} - ${site}`} />
      <body>
        <a class="skip-link" href="#main">
          跳到主要内容
        </a>
        <header class="site-header">
          <div class="container header-inner">
            <a class="site-title" href={portalHref(ctx, '/')}>
              <span class="site-agency">{ctx ? ctx.agency.name : SITE_SUFFIX}</span>
              <span class="site-subtitle">{ctx ? SITE_SUFFIX : '平台'}</span>
            </a>
            {nav !== 'search' && nav !== 'home' && <SearchBox ctx={ctx} />}
          </div>
        </header>
        <MainNav ctx={ctx} current={nav} />
        <div class="container">
          <Breadcrumb crumbs={[{ label: '首页', href: portalHref(ctx, '/') }, ...crumbs]} />
        </div>
        <main id="main" class="container main" tabIndex={-1}>
          {children}
        </main>
        <Footer ctx={ctx} />
      </body>
    </html>
  );
}

/** The print view: the same content without navigation, laid out for paper. */
export function PrintLayout({ ctx, title, backHref, children }: { ctx: PortalContext; title: string; backHref: string; children: ComponentChildren }) {
  return (
    <html lang="zh-CN">
      <Head title={`${title}（打印） - ${siteName(ctx)}`} />
      <body class="print-view">
        <header class="print-header">
          <p class="print-agency">{ctx.agency.name}</p>
          <p class="print-actions">
            <a href={backHref}>返回正文页</a>
            <button type="button" class="button" data-print hidden>
              打印本页
            </button>
          </p>
        </header>
        <main id="main" class="print-main">
          {children}
        </main>
        <script src="/assets/portal.js" defer></script>
      </body>
    </html>
  );
}
