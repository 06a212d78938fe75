// Server-side rendering of TSX pages with preact-render-to-string, which escapes every text
// node and attribute: never build HTML by string concatenation.
import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

export function renderHtml(page: VNode): string {
  return `<!DOCTYPE html>${render(page)}`;
}

export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(renderHtml(page));
}
