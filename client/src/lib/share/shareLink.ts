// Reading a share link's query. Links get pasted into chats and emails, and people append
// `?name=...` to a link that already has a query, so the parser accepts a second `?` as a
// separator: tokens are base64url and can never contain `?` or `&` themselves.
import { MEMBER_NAME_MAX_LENGTH, normalizeMemberName } from '@interlink/protocol';

export interface ShareParams {
  readonly token: string | undefined;
  readonly name: string | undefined;
}

/** Longest display name we accept from a link; longer ones are cut, not refused. */
export const MAX_NAME_LENGTH = MEMBER_NAME_MAX_LENGTH;

/**
 * A display name as the server's members endpoint takes it (normalizeMemberName): whitespace
 * collapsed, trimmed, and cut to MAX_NAME_LENGTH characters (code points, so that an emoji is
 * never split in half), where the server would refuse a longer one.
 */
export function cleanName(raw: string | null | undefined): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  // Collapse whitespace (including newlines someone pasted) so that a name is one line.
  const collapsed = raw.replace(/\s+/gu, ' ').trim();
  return normalizeMemberName([...collapsed].slice(0, MAX_NAME_LENGTH).join(''));
}

export function parseShareParams(search: string): ShareParams {
  const query = search.replace(/^\?/, '').replace(/\?/g, '&');
  const params = new URLSearchParams(query);
  const token = params.get('token')?.trim();
  return { token: token ? token : undefined, name: cleanName(params.get('name')) };
}

/** A share link (a path on this server) made absolute, for copying into a message. */
export function absoluteLink(origin: string, path: string): string {
  return new URL(path, origin).toString();
}

/** The same share link with a display name added, for a facilitator's personal invitations. */
export function withName(link: string, name: string): string {
  const url = new URL(link, 'http://placeholder.invalid');
  url.searchParams.set('name', name);
  return link.startsWith('/') ? `${url.pathname}${url.search}` : url.toString();
}
