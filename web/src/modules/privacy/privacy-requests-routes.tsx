import { Route, Routes } from 'react-router';
import { PrivacyRequestPage } from './privacy-request-page';
import { PrivacyRequestsPage } from './privacy-requests-page';

/** Settings > Privacy requests: the queue, and one request at `<id>`. */
export function PrivacyRequestsRoutes() {
  return (
    <Routes>
      <Route index element={<PrivacyRequestsPage />} />
      <Route path=":id" element={<PrivacyRequestPage />} />
    </Routes>
  );
}
