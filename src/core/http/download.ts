// File downloads: one Content-Disposition rule for every download (an ASCII fallback plus the
// RFC 5987 UTF-8 name, so Chinese file names survive and no quote or CRLF can break the header).
import type { FastifyReply } from 'fastify';

export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_').trim() || 'download';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export function sendDownload(reply: FastifyReply, file: { filename: string; mediaType: string; bytes: Buffer }): FastifyReply {
  return reply
    .header('content-type', file.mediaType || 'application/octet-stream')
    .header('content-length', String(file.bytes.length))
    .header('content-disposition', contentDisposition(file.filename))
    .send(file.bytes);
}
