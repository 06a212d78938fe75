// The portal's error page: replaces plainErrorPage for every HTML error (same ErrorPageRenderer
// signature). It uses the agency context when the request resolved one, else a neutral frame.
import type { FastifyRequest } from 'fastify';
import type { ErrorPageRenderer } from '../../core/http/error-handler.ts';
import { renderPageFor } from '../../core/http/render.ts';
import { portalHref } from './components.tsx';
import { Layout } from './layout.tsx';
import type { PortalContext } from './portal.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The portal context resolved for this request, if any (set by the portal hook). */
    portal: PortalContext | null;
  }
}

export const portalErrorPage: ErrorPageRenderer = (request: FastifyRequest, status: number, title: string, message: string) => {
  const ctx = request.portal ?? null;
  return renderPageFor(
    request,
    <Layout ctx={ctx} title={title} crumbs={[{ label: title }]} nav="none">
      <h1 class="page-title">{title}</h1>
      <p class="lead">{message}</p>
      <p class="error-meta">
        错误代码 {status} · 请求编号 {request.id}
      </p>
      <ul class="link-list">
        <li>
          <a href={portalHref(ctx, '/')}>返回首页</a>
        </li>
        <li>
          <a href={portalHref(ctx, '/catalog')}>查看信息公开目录</a>
        </li>
        <li>
          <a href={portalHref(ctx, '/search')}>站内搜索</a>
        </li>
      </ul>
    </Layout>,
  );
};
