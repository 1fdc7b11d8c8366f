// The HTTP calls the pages make (CONTRACT.md section 2). Paths are relative: the app is
// served by the same server as the API.
import { isMemberCreated, type BoardInfo, type CreatedBoard, type MemberCreated, type MemberRequest } from '@interlink/protocol';
import { ApiError, readErrorBody } from './errors.js';
import { isBoardInfo, isCreatedBoard } from './guards.js';

async function requestJson<T>(path: string, init: RequestInit, accept: (body: unknown) => body is T): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch (cause) {
    throw new ApiError('network', 0, undefined, cause instanceof Error ? cause.message : 'network error');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = readErrorBody(body);
    if (error) throw new ApiError('server', response.status, error.code, error.message);
    throw new ApiError('unexpected', response.status, undefined, `HTTP ${response.status}`);
  }
  if (!accept(body)) throw new ApiError('unexpected', response.status, undefined, 'unexpected response body');
  return body;
}

export function createBoard(title: string): Promise<CreatedBoard> {
  return requestJson(
    '/api/boards',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title }) },
    isCreatedBoard,
  );
}

export function getBoard(boardId: string, token: string): Promise<BoardInfo> {
  return requestJson(
    `/api/boards/${encodeURIComponent(boardId)}`,
    { headers: { authorization: `Bearer ${token}` } },
    isBoardInfo,
  );
}

/**
 * Joins the board as a member of one's own (CONTRACT.md section 6): a personal token with the
 * role of `token` (a share link's). Without a name the member is anonymous: no name is sent.
 */
/** No name: the person stays anonymous, and the body says nothing about them. */
function memberRequest(name: string | undefined): MemberRequest {
  return name === undefined ? {} : { name };
}

export function createMember(boardId: string, token: string, name?: string): Promise<MemberCreated> {
  return requestJson(
    `/api/boards/${encodeURIComponent(boardId)}/members`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(memberRequest(name)),
    },
    isMemberCreated,
  );
}
