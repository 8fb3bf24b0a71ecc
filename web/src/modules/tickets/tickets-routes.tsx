import { Route, Routes } from 'react-router';
import { NotFound } from '#app/not-found';
import { ExportButton } from '#modules/exports';
import { RecordListPage } from '#shared/records/list/record-list-page';
import { RecordCreatePage } from '#shared/records/record-create-page';
import './messages';
import { TicketDetailPage } from './ticket-detail-page';
import { ticketObject } from './ticket-object';

export function TicketsRoutes() {
  return (
    <Routes>
      <Route index element={<RecordListPage def={ticketObject} exportButton={ExportButton} />} />
      <Route path="new" element={<RecordCreatePage def={ticketObject} />} />
      <Route path=":id" element={<TicketDetailPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
