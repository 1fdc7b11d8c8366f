// Answers from the server are checked at the edge before the app trusts their shape.
import { isRole, ROLES, type BoardInfo, type CreatedBoard, type RoleRecord } from '@interlink/protocol';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRoleRecordOfStrings(value: unknown): value is RoleRecord<string> {
  return isObject(value) && ROLES.every((role) => typeof value[role] === 'string');
}

export function isCreatedBoard(value: unknown): value is CreatedBoard {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.title === 'string' &&
    isRoleRecordOfStrings(value.tokens) &&
    isRoleRecordOfStrings(value.links)
  );
}

export function isBoardInfo(value: unknown): value is BoardInfo {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.title === 'string' &&
    isRole(value.role) &&
    (value.memberId === undefined || typeof value.memberId === 'string')
  );
}
