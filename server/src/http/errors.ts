// API errors as coded values (CONTRACT.md section 2): every error body is
// {"error": {"code", "message"}}, and the code is stable for clients to branch on.

export const ERROR_CODES = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  board_not_found: 404,
  /** The board has as many member identities as it may have (CONTRACT.md section 6). */
  too_many_members: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal_error: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.statusCode = ERROR_CODES[code];
  }
}

export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/** The 404 for a path no route serves, the same from every place that answers it. */
export function noRouteError(method: string, url: string): ApiError {
  return new ApiError('not_found', `no route for ${method} ${url.split('?')[0]}`);
}
