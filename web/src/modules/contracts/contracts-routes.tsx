import { Route, Routes } from 'react-router';
import { NotFound } from '#app/not-found';
import { ExportButton } from '#modules/exports';
import { RecordListPage } from '#shared/records/list/record-list-page';
import './messages';
import { ContractCreatePage } from './contract-create-page';
import { ContractDetailPage } from './contract-detail-page';
import { contractObject } from './contract-object';
import { ReceivablesPage } from './receivables-page';

export function ContractsRoutes() {
  return (
    <Routes>
      <Route index element={<RecordListPage def={contractObject} exportButton={ExportButton} />} />
      <Route path="new" element={<ContractCreatePage />} />
      <Route path="receivables" element={<ReceivablesPage />} />
      <Route path=":id" element={<ContractDetailPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
