/**
 * Documents (issue 18): decision letters and participation certificates as PDFs in
 * bokmål or nynorsk, rendered on request from the case data. It owns no table.
 */
export { DocumentsService } from './documents.service';
export type { RenderedDocument } from './documents.service';
export { letterLanguage } from './documents.routes';
