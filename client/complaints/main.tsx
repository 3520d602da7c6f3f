import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { detectLocale } from '../i18n/locale';
import { ComplaintPage } from './ComplaintPage';
import '../lib/base.css';
import './complaint.css';

const container = document.getElementById('root');
if (!container) throw new Error('complaint.html must contain #root');

const locale = detectLocale();
document.documentElement.lang = locale;

createRoot(container).render(
  <StrictMode>
    <ComplaintPage locale={locale} />
  </StrictMode>,
);
