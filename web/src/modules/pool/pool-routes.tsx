import './messages';
import { Route, Routes } from 'react-router';
import { NotFound } from '#app/not-found';
import { PoolPage } from './pool-page';
import { PoolSettingsPage } from './settings/pool-settings-page';

/** /pool: the pools a user sees and their "about to be recycled" list; /pool/settings for admins. */
export function PoolRoutes() {
  return (
    <Routes>
      <Route index element={<PoolPage />} />
      <Route path="settings" element={<PoolSettingsPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
