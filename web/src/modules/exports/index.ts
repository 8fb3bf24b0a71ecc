// Exports: the background export behind a record list's export button. Other features reach it
// only through this file; the list pages hand the button to the shared RecordListPage.
export { ExportButton } from './export-button';
