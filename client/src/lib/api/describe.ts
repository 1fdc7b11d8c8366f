// Words for a failed API call, as a catalog key and parameters (the page renders them via t).
import type { MessageKey, MessageParams } from '@interlink/i18n';
import { ApiError } from './errors.js';

export interface PageMessage {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

export function describeApiError(error: unknown): PageMessage {
  if (!(error instanceof ApiError) || error.kind === 'network') return { key: 'error.network' };
  // The server's message names the field at fault (CONTRACT.md section 2); it is shown as sent.
  if (error.kind === 'server') return { key: 'error.server', params: { message: error.message } };
  return { key: 'error.unexpected', params: { status: error.status } };
}
