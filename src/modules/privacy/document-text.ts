// Text of a document to scan, by type: plain text, HTML (tables kept as tab/newline text),
// DOCX (through HTML so that table columns survive) and PDF (the catalog's pdf.js extraction).
import path from 'node:path';
import { docxToHtml, extractPdfText } from '../catalog/index.ts';
import { htmlToScanText } from './html-text.ts';

export type DocumentKind = 'txt' | 'html' | 'docx' | 'pdf';

export function documentKind(filename: string, mediaType = ''): DocumentKind | undefined {
  const ext = path.extname(filename).toLowerCase();
  if (ext === '.pdf' || mediaType === 'application/pdf') return 'pdf';
  if (ext === '.docx' || mediaType.includes('wordprocessingml')) return 'docx';
  if (ext === '.html' || ext === '.htm' || mediaType === 'text/html') return 'html';
  if (ext === '.txt' || ext === '.csv' || mediaType.startsWith('text/')) return 'txt';
  return undefined;
}

export async function documentText(bytes: Buffer, kind: DocumentKind): Promise<string> {
  switch (kind) {
    case 'txt':
      return bytes.toString('utf8').replace(/^\uFEFF/, '');
    case 'html':
      return htmlToScanText(bytes.toString('utf8')).text;
    case 'docx':
      return htmlToScanText(await docxToHtml(bytes)).text;
    case 'pdf':
      return extractPdfText(bytes);
  }
}
