// The portal's page frame: skip link, toolbar (简/繁, 长者模式, 字体 大 中 小, IPv6), header with
// the agency name and site search, main navigation, breadcrumb, main content and the footer of a
// Chinese government site (UX.md "Portal conventions" and "Accessibility floor"; issue 7). The
// visitor's preferences arrive through PortalViewContext (view.ts); in embed mode only the main
// content is rendered. No inline styles or scripts: the CSP forbids them.
import type { ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { Breadcrumb, columnHref, portalHref, SearchBox, type Crumb } from './components.tsx';
import { SiteFooter } from './footer.tsx';
import type { PortalContext } from './portal.service.ts';
import { canonicalPath, PortalViewContext, prefsHref, type PortalView } from './view.ts';

export type NavKey = 'home' | 'catalog' | 'guide' | 'apply' | 'reports' | 'search' | 'consult' | 'none';

const SITE_SUFFIX = '政府信息公开';

export function siteName(ctx: PortalContext | null): string {
  return ctx ? `${ctx.agency.name}${SITE_SUFFIX}` : `${SITE_SUFFIX}平台`;
}

/** Extra head matter a page may give: description, OpenGraph type, feeds. */
export interface HeadExtras {
  description?: string;
  ogType?: 'website' | 'article';
  feeds?: { rss: string; atom: string; title: string };
}

/** `lang` and the classes CSS uses for elder mode and font size. */
export function htmlAttrs(view: PortalView): { lang: string; class: string | undefined } {
  // The default look carries no class, so the plain page is exactly what it always was.
  const classes = view.prefs.size === 'm' ? [] : [`font-${view.prefs.size}`];
  if (view.prefs.mode === 'elder') classes.push('elder');
  if (view.embed) classes.push('embedded');
  return { lang: view.prefs.lang === 'zh-Hant' ? 'zh-Hant' : 'zh-CN', class: classes.length ? classes.join(' ') : undefined };
}

function Head({ title, site, extras = {} }: { title: string; site: string; extras?: HeadExtras }) {
  const view = useContext(PortalViewContext);
  const canonical = `${view.publicBase}${canonicalPath(view.path)}`;
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      {extras.description && <meta name="description" content={extras.description} />}
      <link rel="canonical" href={canonical} />
      <meta property="og:title" content={title} />
      <meta property="og:type" content={extras.ogType ?? 'website'} />
      <meta property="og:url" content={canonical} />
      <meta property="og:site_name" content={site} />
      <meta property="og:locale" content={view.prefs.lang === 'zh-Hant' ? 'zh_TW' : 'zh_CN'} />
      {extras.description && <meta property="og:description" content={extras.description} />}
      {extras.feeds && <link rel="alternate" type="application/rss+xml" title={`${extras.feeds.title}（RSS）`} href={extras.feeds.rss} />}
      {extras.feeds && <link rel="alternate" type="application/atom+xml" title={`${extras.feeds.title}（Atom）`} href={extras.feeds.atom} />}
      <link rel="stylesheet" href="/assets/site.css" />
    </head>
  );
}

/** 简体版 | 繁體版 · 长者模式 · 字体 大 中 小 · 网站支持IPv6: plain links, no script needed. */
function Toolbar() {
  const { prefs, path } = useContext(PortalViewContext);
  const back = canonicalPath(path);
  const sizes = [
    { size: 'l', label: '大', name: '大号字体' },
    { size: 'm', label: '中', name: '中号字体' },
    { size: 's', label: '小', name: '小号字体' },
  ] as const;
  return (
    <nav class="toolbar" aria-label="辅助工具">
      <ul class="container toolbar-inner">
        <li>
          {prefs.lang === 'zh-Hant' ? (
            <a href={prefsHref({ lang: 'zh-Hans' }, back)} rel="nofollow" lang="zh-CN">简体版</a>
          ) : (
            <a href={prefsHref({ lang: 'zh-Hant' }, back)} rel="nofollow" lang="zh-Hant">繁體版</a>
          )}
        </li>
        <li>
          {prefs.mode === 'elder' ? (
            <a href={prefsHref({ mode: 'standard' }, back)} rel="nofollow">退出长者模式</a>
          ) : (
            <a href={prefsHref({ mode: 'elder' }, back)} rel="nofollow">长者模式</a>
          )}
        </li>
        <li class="toolbar-sizes">
          <span id="font-size-label">字体：</span>
          {sizes.map((s) => (
            <a href={prefsHref({ size: s.size }, back)} rel="nofollow" aria-label={s.name} aria-current={prefs.size === s.size ? 'true' : undefined}>
              {s.label}
            </a>
          ))}
        </li>
        <li class="toolbar-ipv6">网站支持IPv6</li>
      </ul>
    </nav>
  );
}

function MainNav({ ctx, current }: { ctx: PortalContext | null; current: NavKey }) {
  const entries: { key: NavKey; label: string; href: string }[] = [
    { key: 'home', label: '首页', href: portalHref(ctx, '/') },
    { key: 'catalog', label: '信息公开目录', href: portalHref(ctx, '/catalog') },
    { key: 'guide', label: '政府信息公开指南', href: portalHref(ctx, '/guide') },
  ];
  if (ctx?.applyColumn) entries.push({ key: 'apply', label: '依申请公开', href: columnHref(ctx.applyColumn.id) });
  entries.push({ key: 'consult', label: '互动交流', href: portalHref(ctx, '/interact') });
  entries.push({ key: 'reports', label: '年度报告', href: portalHref(ctx, '/reports') });
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

export interface LayoutProps {
  ctx: PortalContext | null;
  /** The page's own title: the <title> is "title - site". */
  title: string;
  crumbs: Crumb[];
  nav: NavKey;
  head?: HeadExtras;
  children: ComponentChildren;
}

export function Layout({ ctx, title, crumbs, nav, head, children }: LayoutProps) {
  const view = useContext(PortalViewContext);
  const site = siteName(ctx);
  const attrs = htmlAttrs(view);
  if (view.embed) {
    // Included in another site's page: the host site provides header, navigation and footer.
    return (
      <html lang={attrs.lang} class={attrs.class}>
        <Head title={`${title} - ${site}`} site={site} extras={head} />
        <body>
          <main id="main" class="container main" tabIndex={-1}>
            {children}
          </main>
        </body>
      </html>
    );
  }
  return (
    <html lang={attrs.lang} class={attrs.class}>
      <Head title={`${title} - ${site}`} site={site} extras={head} />
      <body>
        <a class="skip-link" href="#main">
          跳到主要内容
        </a>
        <Toolbar />
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
        <SiteFooter ctx={ctx} />
      </body>
    </html>
  );
}

/** The print view: the same content without navigation, laid out for paper. */
export function PrintLayout({ ctx, title, backHref, children }: { ctx: PortalContext; title: string; backHref: string; children: ComponentChildren }) {
  const view = useContext(PortalViewContext);
  const attrs = htmlAttrs({ ...view, embed: false });
  const site = siteName(ctx);
  return (
    <html lang={attrs.lang} class={attrs.class}>
      <Head title={`${title}（打印） - ${site}`} site={site} extras={{ ogType: 'article' }} />
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
