import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../i18n/I18nProvider';
import { StaffApp } from './StaffApp';
import '../lib/base.css';
import '../lib/form.css';
import './staff.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain #root');

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <StaffApp />
    </I18nProvider>
  </StrictMode>,
);
