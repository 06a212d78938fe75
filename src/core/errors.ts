// One error family: every failure a user or program can see has an HTTP status, a stable code
// for programs and a message in Chinese for people. 5xx details never reach the client.

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string, fields: FieldError[] = []) =>
  new AppError(400, code, message, fields);
export const validationFailed = (fields: FieldError[]) =>
  new AppError(422, 'VALIDATION_FAILED', '提交的内容有误，请按提示修改', fields);
export const unauthenticated = () => new AppError(401, 'UNAUTHENTICATED', '请先登录');
export const forbidden = (message = '您没有执行此操作的权限') => new AppError(403, 'FORBIDDEN', message);
export const notFound = (message = '未找到该页面或记录') => new AppError(404, 'NOT_FOUND', message);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const tooManyRequests = (code: string, message: string) => new AppError(429, code, message);
