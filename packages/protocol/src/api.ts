// The JSON shapes of the HTTP API (CONTRACT.md section 2), for clients and tests to share.
import type { Role } from './roles.js';

export type RoleRecord<T> = { readonly [R in Role]: T };

export interface CreatedBoard {
  readonly id: string;
  readonly title: string;
  readonly tokens: RoleRecord<string>;
  readonly links: RoleRecord<string>;
}

export interface BoardInfo {
  readonly id: string;
  readonly title: string;
  readonly role: Role;
  /** Present when the token is a member's personal token (CONTRACT.md section 6). */
  readonly memberId?: string;
}

export interface ApiErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

/** The app's path for a board page; share links add `?token=`. */
export function boardPath(boardId: string): string {
  return `/b/${encodeURIComponent(boardId)}`;
}
