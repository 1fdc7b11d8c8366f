export { boardItemsCsv, boardLinksCsv, itemsToCsv, linksToCsv } from './boardCsv.js';
export { ITEM_CSV_COLUMNS, LINK_CSV_COLUMNS } from './columns.js';
export { importItemsCsv, placeRows } from './importItems.js';
export { ITEMS_CSV_LIMITS, parseItemsCsv, type CsvItemRow, type ItemsCsvLimits, type ItemsCsvOptions, type ParsedItemsCsv } from './parseItemsCsv.js';
export { UTF8_BOM, neutralizeFormula, restoreNeutralized } from './rfc4180.js';
