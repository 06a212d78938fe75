// One error handler: AppError → its status and stable code; anything else → 500 with the
// request id and no details. HTML for pages, JSON for the API.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

export type ErrorPageRenderer = (request: FastifyRequest, status: number, title: string, message: string) => string;

function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/') || request.url === '/healthz') return true;
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** Framework errors (body too large, bad JSON…) mapped to stable codes and Chinese messages. */
function fromFrameworkError(err: FastifyError): AppError | null {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError(413, 'PAYLOAD_TOO_LARGE', '提交的内容或文件过大');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError(400, 'INVALID_JSON', '请求体不是有效的 JSON');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的提交格式');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError(400, 'INVALID_CONTENT_LENGTH', '请求长度无效');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError(400, 'INVALID_MULTIPART', '上传的内容无效或文件过多');
  }
  if (err.statusCode === 429) return new AppError(429, 'RATE_LIMITED', '请求过于频繁，请稍后再试');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return new AppError(err.statusCode, 'BAD_REQUEST', '请求无效');
  return null;
}

export function registerErrorHandler(app: FastifyInstance, renderErrorPage: ErrorPageRenderer): void {
  const respond = (request: FastifyRequest, reply: FastifyReply, e: AppError) => {
    if (wantsJson(request)) {
      return reply.code(e.status).type('application/json; charset=utf-8').send({
        error: { code: e.code, message: e.message, fields: e.fields, requestId: request.id },
      });
    }
    const title = e.status === 404 ? '页面不存在' : e.status >= 500 ? '系统繁忙' : '无法完成操作';
    return reply.code(e.status).type('text/html; charset=utf-8').send(renderErrorPage(request, e.status, title, e.message));
  };

  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) return respond(request, reply, err);
    const mapped = fromFrameworkError(err);
    if (mapped) return respond(request, reply, mapped);
    request.log.error({ err }, 'unhandled error');
    return respond(request, reply, new AppError(500, 'INTERNAL_ERROR', `系统内部错误，请稍后重试（请求编号 ${request.id}）`));
  });

  app.setNotFoundHandler((request, reply) => respond(request, reply, new AppError(404, 'NOT_FOUND', '您访问的页面不存在或已被移除')));
}
