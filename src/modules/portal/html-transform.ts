// Rewrites of finished HTML (issue 7 parts 2 and 4). 繁體: opencc-js converts the text between
// tags and the human-readable attributes (alt, title, aria-label, placeholder, content), never
// URLs or form values. Base path: every site-absolute href/src/action gains the prefix, so that
// pages written with plain '/…' links work under `/xxgk`. Embed: internal links keep `embed=1`.
import * as OpenCC from 'opencc-js';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** Attributes whose values are text people read. `value` is not: it is what a form sends. */
const TEXT_ATTRS = /(\s(?:alt|title|aria-label|placeholder|content)=")([^"]*)"/g;

export function toTraditionalHtml(html: string): string {
  let inRaw = false;
  return html.replace(/(<[^>]*>)|([^<]+)/g, (_m, tag: string | undefined, text: string | undefined) => {
    if (tag) {
      // Script and style bodies are code; the portal has none inline, but stay safe.
      if (/^<(script|style)\b/i.test(tag)) inRaw = true;
      else if (/^<\/(script|style)\b/i.test(tag)) inRaw = false;
      return /[\u4e00-\u9fff]/.test(tag) ? tag.replace(TEXT_ATTRS, (_a, head: string, value: string) => `${head}${toTraditional(value)}"`) : tag;
    }
    return inRaw || !/[\u4e00-\u9fff]/.test(text!) ? text! : toTraditional(text!);
  });
}

const LINK_ATTRS = /(\s(?:href|src|action|srcset)=")(\/(?!\/)[^"]*)"/g;

/** Prefixes site-absolute URLs in attributes with the base path (and adds embed=1 to links). */
export function rewriteLinks(html: string, opts: { basePath: string; embed: boolean }): string {
  if (!opts.basePath && !opts.embed) return html;
  return html.replace(LINK_ATTRS, (_m, head: string, url: string) => {
    let out = url;
    if (opts.embed && head.includes('href') && !url.startsWith('/assets/') && !url.startsWith('/attachments/') && !/[?&]embed=1/.test(url)) {
      const hash = out.indexOf('#');
      const [path, fragment] = hash >= 0 ? [out.slice(0, hash), out.slice(hash)] : [out, ''];
      out = `${path}${path.includes('?') ? '&amp;' : '?'}embed=1${fragment}`;
    }
    return `${head}${opts.basePath}${out}"`;
  });
}

/** A redirect target inside the site gains the base path. */
export function prefixLocation(location: string, basePath: string): string {
  if (!basePath || !location.startsWith('/') || location.startsWith('//')) return location;
  return `${basePath}${location}`;
}
