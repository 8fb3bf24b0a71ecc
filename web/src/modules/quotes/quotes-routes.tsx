import { Route, Routes } from 'react-router';
import { NotFound } from '#app/not-found';
import { ExportButton } from '#modules/exports';
import { RecordListPage } from '#shared/records/list/record-list-page';
import './messages';
import { QuoteCreatePage } from './quote-create-page';
import { QuoteDetailPage } from './quote-detail-page';
import { quoteObject } from './quote-object';

export function QuotesRoutes() {
  return (
    <Routes>
      <Route index element={<RecordListPage def={quoteObject} exportButton={ExportButton} />} />
      <Route path="new" element={<QuoteCreatePage />} />
      <Route path=":id" element={<QuoteDetailPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
