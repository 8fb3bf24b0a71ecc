import { Route, Routes } from 'react-router';
import { NotFound } from '#app/not-found';
import { ExportButton } from '#modules/exports';
import { RecordListPage } from '#shared/records/list/record-list-page';
import { RecordCreatePage } from '#shared/records/record-create-page';
import { RecordDetailPage } from './detail/record-detail-page';
import { companyObject } from './objects/company-object';
import { contactObject } from './objects/contact-object';

const DEFS = { companies: companyObject, contacts: contactObject };

export function CustomersRoutes({ object }: { object: 'companies' | 'contacts' }) {
  const def = DEFS[object];
  return (
    <Routes>
      <Route index element={<RecordListPage key={object} def={def} exportButton={ExportButton} />} />
      <Route path="new" element={<RecordCreatePage key={object} def={def} />} />
      <Route path=":id" element={<RecordDetailPage key={object} def={def} />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
