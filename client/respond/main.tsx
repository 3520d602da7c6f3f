import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { detectLocale } from '../i18n/locale';
import { RespondPage } from './RespondPage';
// Fontless: the regular stylesheet pulls Open Sans from fonts.gstatic.com; this page makes no outside requests.
import 'survey-core/survey-core.fontless.min.css';
import '../lib/base.css';
import './respond.css';

const container = document.getElementById('root');
if (!container) throw new Error('respond.html must contain #root');

const locale = detectLocale();
document.documentElement.lang = locale;

createRoot(container).render(
  <StrictMode>
    <RespondPage locale={locale} />
  </StrictMode>,
);
