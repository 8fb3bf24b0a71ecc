import { Route, Routes, useParams } from 'react-router';
import { useMe } from '#shared/auth/session';
import { can } from '#shared/auth/permissions';
import { NotFound } from '#app/not-found';
import { ExportButton } from '#modules/exports';
import { RecordListPage } from '#shared/records/list/record-list-page';
import { RecordCreatePage } from '#shared/records/record-create-page';
import { PageSpinner } from '#shared/ui/page-spinner';
import { ObjectRecordPage } from './object-record-page';
import { useCustomObject } from './use-custom-object';

/** `/o/:path/*`: list, create and detail pages of a custom object, built from the registry at runtime. */
export function ObjectsRoutes() {
  const { path = '' } = useParams();
  const me = useMe();
  const { meta, def, loading } = useCustomObject(path);
  if (loading) return <PageSpinner />;
  if (!meta || !def || !can(me, meta.name, 'read')) return <NotFound />;
  return (
    <Routes>
      <Route index element={<RecordListPage key={meta.name} def={def} exportButton={ExportButton} />} />
      <Route path="new" element={<RecordCreatePage key={meta.name} def={def} />} />
      <Route path=":id" element={<ObjectRecordPage key={meta.name} def={def} meta={meta} />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
