// A minimal error page for when no module renders a nicer one (the portal replaces it).
import type { FastifyRequest } from 'fastify';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function plainErrorPage(request: FastifyRequest, status: number, title: string, message: string): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title><link rel="stylesheet" href="/assets/site.css"></head><body><main id="main" class="container"><h1>${escape(title)}</h1><p>${escape(message)}</p><p>错误代码 ${status} · 请求编号 ${escape(request.id)}</p><p><a href="/">返回首页</a></p></main></body></html>`;
}
