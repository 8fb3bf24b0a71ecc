import { Route, Routes } from 'react-router';
import { NotFound } from '#app/not-found';
import { ExportButton } from '#modules/exports';
import { RecordListPage } from '#shared/records/list/record-list-page';
import './messages';
import { LeadCreatePage } from './lead-create-page';
import { LeadDetailPage } from './lead-detail-page';
import { leadObject } from './lead-object';

export function LeadsRoutes() {
  return (
    <Routes>
      <Route index element={<RecordListPage def={leadObject} exportButton={ExportButton} />} />
      <Route path="new" element={<LeadCreatePage />} />
      <Route path=":id" element={<LeadDetailPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
