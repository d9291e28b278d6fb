/** Stable machine codes of the HTTP contract (API.md); clients switch on these, never on messages. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION_FAILED'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'INTERNAL';

export const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  UNAUTHENTICATED: '未登录或令牌无效 / Missing or invalid bearer token',
  FORBIDDEN: '无权执行此操作 / You are not allowed to do this',
  NOT_FOUND: '资源不存在 / Resource not found',
  VALIDATION_FAILED: '请求内容不符合要求 / The request is invalid',
  CONFLICT: '资源已被修改或状态不允许此操作 / Version mismatch or illegal state transition',
  PAYLOAD_TOO_LARGE: '请求体过大 / Request body too large',
  RATE_LIMITED: '请求过于频繁，请稍后再试 / Too many requests, slow down',
  INTERNAL: '服务器内部错误 / Internal server error',
};

export interface ErrorDetail {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string = DEFAULT_MESSAGES[code],
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const notFound = (what?: string) =>
  new AppError('NOT_FOUND', what ? `${what}不存在 / ${what} not found` : undefined);
export const forbidden = () => new AppError('FORBIDDEN');
export const conflict = (message?: string) => new AppError('CONFLICT', message);
export const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', undefined, [{ path, message }]);
