// The role a client's awareness state shows to the others (`user.role`, for the participant
// list): it may only be the role of the connection that sets it, so that nobody appears to the
// room as a facilitator who is not one.
import type { Role } from '@interlink/protocol';

/** True when `state` names a `user.role` (whatever its value) other than `role`. */
export function claimsAnotherRole(state: Record<string, unknown> | null, role: Role): boolean {
  const user = state?.user;
  if (typeof user !== 'object' || user === null || !('role' in user)) return false;
  return (user as { role: unknown }).role !== role;
}
