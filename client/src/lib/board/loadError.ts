// What the board page says when it cannot open a board, as a catalog key (worded by i18n).
import { ApiError } from '../api/errors.js';
import { describeApiError, type PageMessage } from '../api/describe.js';

export type { PageMessage };

/** What the page shows for a failed GET /api/boards/:id. */
export function describeLoadError(error: unknown): PageMessage {
  if (!(error instanceof ApiError) || error.kind === 'network') return describeApiError(error);
  if (error.status === 401) return { key: 'board.error.unauthorized' };
  if (error.status === 403) return { key: 'board.error.forbidden' };
  if (error.status === 404) return { key: 'board.error.notFound' };
  return describeApiError(error);
}

