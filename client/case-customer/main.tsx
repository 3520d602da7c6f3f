import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { detectLocale } from '../i18n/locale';
import { CustomerCasePage } from './CustomerCasePage';
import '../lib/base.css';
import './case-customer.css';

const container = document.getElementById('root');
if (!container) throw new Error('case.html must contain #root');

createRoot(container).render(
  <StrictMode>
    <CustomerCasePage initialLocale={detectLocale()} />
  </StrictMode>,
);
