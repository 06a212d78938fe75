// Text of uploaded documents, for the search index (attachments.textContent) and for imports:
// PDF through pdfjs-dist (legacy build for Node), DOCX through mammoth. Capped so one huge
// attachment cannot bloat the index.
import { createRequire } from 'node:module';
import path from 'node:path';
import mammoth from 'mammoth';
import { guardDocxBytes } from '../../core/files/upload-guards.ts';

export const MAX_EXTRACTED_CHARS = 200_000;

const require = createRequire(import.meta.url);
// Predefined CMaps are needed to read Chinese text in PDFs that use Adobe's CJK encodings.
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
const cMapUrl = path.join(pdfjsRoot, 'cmaps') + path.sep;
const standardFontDataUrl = path.join(pdfjsRoot, 'standard_fonts') + path.sep;

// Control characters other than tab and newline: PDFs whose fonts lack a Unicode map yield NULs,
// which PostgreSQL text columns refuse ("invalid byte sequence … 0x00") and nobody can search for.
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F]/g; // eslint-disable-line no-control-regex -- removing them is the point

export function capText(text: string): string {
  const clean = text.replace(CONTROL_CHARS, '');
  return clean.length > MAX_EXTRACTED_CHARS ? clean.slice(0, MAX_EXTRACTED_CHARS) : clean;
}

/** Text of a PDF, one line per text line, pages separated by blank lines. */
export async function extractPdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), cMapUrl, cMapPacked: true, standardFontDataUrl, isEvalSupported: false, useSystemFonts: false, verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    let total = 0;
    for (let n = 1; n <= doc.numPages && total < MAX_EXTRACTED_CHARS; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      pages.push(text.trim());
      total += text.length;
      page.cleanup();
    }
    return capText(pages.filter(Boolean).join('\n\n'));
  } finally {
    await task.destroy();
  }
}

// mammoth inflates every part: the ZIP guard runs first here too, for files stored before uploads
// were guarded and for imports from disk (cli items import).
export async function extractDocxText(bytes: Buffer): Promise<string> {
  guardDocxBytes(bytes);
  const result = await mammoth.extractRawText({ buffer: bytes });
  return capText(result.value.replace(/\n{3,}/g, '\n\n').trim());
}

/** Word → HTML (unsanitised: callers sanitise). */
export async function docxToHtml(bytes: Buffer): Promise<string> {
  guardDocxBytes(bytes);
  const result = await mammoth.convertToHtml({ buffer: bytes });
  return result.value;
}
