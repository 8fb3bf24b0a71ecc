import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '#app/app';
import { initI18n } from '#app/i18n/i18n';
import './global.css';

initI18n();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
