// The fields of CONTRACT.md section 4 in the order the exports write them: identity and what a
// reader needs first, then the optional fields as the contract lists them. Fields this version
// does not know follow, sorted by name, so that an export never depends on the order in which
// the replicas happened to receive the fields.

export const ITEM_FIELD_ORDER = [
  'id', 'kind', 'text', 'x', 'y', 'w', 'h', 'z', 'color', 'sensitivity', 'author', 'createdAt',
  'dimensions', 'severity', 'likelihood', 'onset', 'level', 'sector', 'strategy', 'phase',
  'threshold', 'action',
] as const;

export const LINK_FIELD_ORDER = ['id', 'kind', 'from', 'to', 'label', 'polarity'] as const;
