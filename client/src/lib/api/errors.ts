// Failures of an API call as one coded class: the page decides what to say by `kind` and
// HTTP status, never by matching message text.
export type ApiFailureKind = 'network' | 'server' | 'unexpected';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly kind: ApiFailureKind,
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    /** The `error.code` of the contract's error body, when there was one. */
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** Reads the contract's error body `{error: {code, message}}`, or nothing if it is not one. */
export function readErrorBody(body: unknown): { code: string; message: string } | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error: unknown = body.error;
  if (typeof error !== 'object' || error === null) return undefined;
  const code = 'code' in error ? error.code : undefined;
  const message = 'message' in error ? error.message : undefined;
  if (typeof code !== 'string' || typeof message !== 'string') return undefined;
  return { code, message };
}
