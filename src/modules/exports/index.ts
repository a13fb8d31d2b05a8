/**
 * Exports (issue 18 item 4): the case list and the appeal list as CSV, streamed with bounded memory, headings
 * in the caller's language, each read in the access log with the filter as purpose. It owns no table.
 */
export { EXPORT_BATCH_ROWS, ExportsService, exportPurpose } from './exports.service';
export { csvField, csvLanguage, csvLine } from './csv';
