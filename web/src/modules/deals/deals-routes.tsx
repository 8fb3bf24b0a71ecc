import { Route, Routes } from 'react-router';
import { NotFound } from '#app/not-found';
import './messages';
import { DealCreatePage } from './deal-create-page';
import { DealsPage } from './deals-page';
import { DealDetailPage } from './detail/deal-detail-page';

export function DealsRoutes() {
  return (
    <Routes>
      <Route index element={<DealsPage />} />
      <Route path="new" element={<DealCreatePage />} />
      <Route path=":id" element={<DealDetailPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
