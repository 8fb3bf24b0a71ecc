import { Route, Routes } from 'react-router';
import { NotFound } from '#app/not-found';
import { ExportButton } from '#modules/exports';
import { RecordListPage } from '#shared/records/list/record-list-page';
import './messages';
import { OrderDetailPage } from './order-detail-page';
import { orderObject } from './order-object';

export function OrdersRoutes() {
  return (
    <Routes>
      <Route index element={<RecordListPage def={orderObject} exportButton={ExportButton} />} />
      <Route path=":id" element={<OrderDetailPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
