// Checking generated documents the way a person would see them: PDF pages rendered to PNG with
// poppler's pdftoppm, text pulled out with pdftotext, and a check that a page has ink on it
// (STACK.md: a PDF can carry extractable text yet draw blank glyphs).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function withTempDir<T>(fn: (dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-doc-'));
  try {
    return fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Every page of the PDF as a PNG (50 dpi), in page order. */
export function pdfToPngs(pdf: Buffer): Buffer[] {
  return withTempDir((dir) => {
    fs.writeFileSync(path.join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '50', path.join(dir, 'in.pdf'), path.join(dir, 'page')], { timeout: 60_000 });
    return fs.readdirSync(dir).filter((f) => f.endsWith('.png')).sort().map((f) => fs.readFileSync(path.join(dir, f)));
  });
}

/** The PDF's text (layout kept), as pdftotext extracts it. */
export function pdfText(pdf: Buffer): string {
  return withTempDir((dir) => {
    fs.writeFileSync(path.join(dir, 'in.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path.join(dir, 'in.pdf'), '-'], { timeout: 60_000 }).toString('utf8');
  });
}

/** Number of pages, from pdfinfo. */
export function pdfPageCount(pdf: Buffer): number {
  return withTempDir((dir) => {
    fs.writeFileSync(path.join(dir, 'in.pdf'), pdf);
    const info = execFileSync('pdfinfo', [path.join(dir, 'in.pdf')], { timeout: 60_000 }).toString('utf8');
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  });
}

/**
 * The share of dark pixels on each page: pdftoppm renders grey PGM (P5: header, then one byte a
 * pixel), and a pixel darker than mid-grey counts as ink. A blank page gives 0.
 */
export function pdfInkRatios(pdf: Buffer): number[] {
  return withTempDir((dir) => {
    fs.writeFileSync(path.join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', ['-gray', '-r', '50', path.join(dir, 'in.pdf'), path.join(dir, 'page')], { timeout: 60_000 });
    return fs.readdirSync(dir).filter((f) => f.endsWith('.pgm')).sort().map((f) => inkRatioOfPgm(fs.readFileSync(path.join(dir, f))));
  });
}

export function inkRatioOfPgm(pgm: Buffer): number {
  // Header: "P5" whitespace width whitespace height whitespace maxval, then a single whitespace.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM image');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const maxval = Number(header[3]);
  const pixels = pgm.subarray(header[0].length, header[0].length + width * height);
  let dark = 0;
  for (const p of pixels) if (p < maxval / 2) dark++;
  return dark / (width * height);
}

/** True when a PNG's signature is right (pdftoppm produced an image). */
export function isPng(png: Buffer): boolean {
  return png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
}
