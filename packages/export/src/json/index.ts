export { BOARD_JSON_SCHEMA, boardToJson, canonicalItem, canonicalLink, serializeBoardJson, type BoardExportOptions, type BoardJson } from './boardJson.js';
export { compareIds, sameJson } from './canonical.js';
export { ITEM_FIELD_ORDER, LINK_FIELD_ORDER } from './fields.js';
export { mergeIntoBoard, sameEntry, type MergeContent, type MergeCounts, type MergeOptions, type MergeResult, type SameItem } from './merge.js';
export {
  BOARD_JSON_ERROR_CODES,
  BOARD_JSON_LIMITS,
  parseBoardJson,
  parseBoardJsonText,
  type BoardJsonError,
  type BoardJsonErrorCode,
  type BoardJsonLimits,
  type ParsedBoardJson,
} from './parseBoardJson.js';
