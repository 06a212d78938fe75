// DOCX redaction: the marked strings are REMOVED from the text runs (<w:t>) of the body,
// headers, footers, footnotes and endnotes, each occurrence leaving one ■ so a reader sees
// that something was withheld (区分处理, 条例 第三十七条); a match split across several runs
// of one paragraph is removed from each of them. The author, title and other document
// properties are cleared.
import JSZip from 'jszip';
import { guardDocxBytes } from '../../core/files/upload-guards.ts';

const PARTS = /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/;
const T_RE = /(<w:t(?:\s[^>]*)?>)([^<]*)(<\/w:t>)/g;
const PARA_RE = /<w:p[\s>][\s\S]*?<\/w:p>/g;
export const REMOVED_MARK = '■';

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Removes every occurrence of the needles from one paragraph's runs; returns the count. */
function redactParagraph(xml: string, needles: string[]): { xml: string; count: number } {
  const runs: { text: string }[] = [];
  xml.replace(T_RE, (_m, _open, text: string) => {
    runs.push({ text: unescapeXml(text) });
    return '';
  });
  const full = runs.map((r) => r.text).join('');
  // keep[i] = false for removed characters; mark[i] = true where a ■ goes.
  const keep = new Array<boolean>(full.length).fill(true);
  const mark = new Array<boolean>(full.length).fill(false);
  let count = 0;
  for (const needle of needles) {
    for (let at = full.indexOf(needle); at >= 0; at = full.indexOf(needle, at + needle.length)) {
      for (let i = at; i < at + needle.length; i++) keep[i] = false;
      mark[at] = true;
      count++;
    }
  }
  if (count === 0) return { xml, count };
  let offset = 0;
  let index = 0;
  const out = xml.replace(T_RE, (_m, open: string, _text, close: string) => {
    const run = runs[index++]!;
    let text = '';
    for (let i = 0; i < run.text.length; i++) {
      const at = offset + i;
      if (keep[at]) text += run.text[i];
      else if (mark[at]) text += REMOVED_MARK;
    }
    offset += run.text.length;
    const opening = open.includes('xml:space') ? open : open.replace('<w:t', '<w:t xml:space="preserve"');
    return `${opening}${escapeXml(text)}${close}`;
  });
  return { xml: out, count };
}

function clearProperties(xml: string, tags: string[]): string {
  let out = xml;
  for (const tag of tags) out = out.replace(new RegExp(`<${tag}(\\s[^>]*)?>[\\s\\S]*?</${tag}>`, 'g'), `<${tag}$1></${tag}>`);
  return out;
}

/** The redacted copy and how many occurrences were removed. */
export async function redactDocx(bytes: Uint8Array, needles: string[]): Promise<{ bytes: Buffer; removed: number }> {
  const wanted = [...new Set(needles.map((n) => n.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  guardDocxBytes(bytes); // jszip would inflate a decompression bomb in full
  const zip = await JSZip.loadAsync(bytes);
  let removed = 0;
  for (const name of Object.keys(zip.files)) {
    if (!PARTS.test(name)) continue;
    const xml = await zip.file(name)!.async('string');
    const out = xml.replace(PARA_RE, (para) => {
      const r = redactParagraph(para, wanted);
      removed += r.count;
      return r.xml;
    });
    zip.file(name, out);
  }
  const core = zip.file('docProps/core.xml');
  if (core) {
    const tags = ['dc:creator', 'cp:lastModifiedBy', 'dc:title', 'dc:subject', 'dc:description', 'cp:keywords', 'cp:category'];
    zip.file('docProps/core.xml', clearProperties(await core.async('string'), tags));
  }
  const app = zip.file('docProps/app.xml');
  if (app) zip.file('docProps/app.xml', clearProperties(await app.async('string'), ['Company', 'Manager']));
  const out = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { bytes: out, removed };
}
