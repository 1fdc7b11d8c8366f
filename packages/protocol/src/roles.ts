// Who may do what on a board (CONTRACT.md sections 2, 3 and 6).

export const ROLES = ['facilitator', 'participant', 'observer'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { observer: 0, participant: 1, facilitator: 2 };

/** True when `role` is at least as strong as `required`. */
export function hasRole(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

export function canEdit(role: Role): boolean {
  return hasRole(role, 'participant');
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
