// fetch with the JSON parsed (as `unknown`: tests narrow it), and the contract's error shape.
import { expect } from 'vitest';

export interface JsonResponse {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  /** The parsed body, or undefined when it is not JSON. */
  readonly body: unknown;
}

export interface RequestOptions {
  method?: string;
  token?: string;
  /** A raw Authorization header, used as given (overrides `token`). */
  authorization?: string;
  /** Serialised as JSON unless it is already a string. */
  body?: unknown;
  contentType?: string;
}

export async function request(url: string, options: RequestOptions = {}): Promise<JsonResponse> {
  const headers: Record<string, string> = {};
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  else if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] = options.contentType ?? 'application/json';
  }
  const response = await fetch(url, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, body: parsed };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Asserts `{"error": {"code": string, "message": string}}` with this status; answers the error. */
export function expectApiError(response: JsonResponse, status: number): { code: string; message: string } {
  expect(response.status, `status of ${response.text}`).toBe(status);
  expect(response.contentType).toMatch(/application\/json/);
  expect(response.body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  const error = isRecord(response.body) && isRecord(response.body.error) ? response.body.error : {};
  const code = typeof error.code === 'string' ? error.code : '';
  const message = typeof error.message === 'string' ? error.message : '';
  expect(code.length).toBeGreaterThan(0);
  expect(message.length).toBeGreaterThan(0);
  return { code, message };
}
