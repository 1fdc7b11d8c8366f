import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors.js';
import { describeLoadError } from './loadError.js';

describe('describeLoadError', () => {
  it('names the usual refusals', () => {
    expect(describeLoadError(new ApiError('server', 401, 'unauthorized', 'bad token')).key).toBe('board.error.unauthorized');
    expect(describeLoadError(new ApiError('server', 404, 'not_found', 'no board')).key).toBe('board.error.notFound');
    expect(describeLoadError(new ApiError('network', 0, undefined, 'offline')).key).toBe('error.network');
  });

  it('passes other server messages through', () => {
    expect(describeLoadError(new ApiError('server', 500, 'internal', 'disk full'))).toEqual({
      key: 'error.server',
      params: { message: 'disk full' },
    });
  });
});

describe('describeLoadError without an error body', () => {
  it('still names a 404 from the status', () => {
    expect(describeLoadError(new ApiError('unexpected', 404, undefined, 'HTTP 404')).key).toBe('board.error.notFound');
  });
});
