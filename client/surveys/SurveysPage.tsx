import { useLocation } from '../lib/navigation';
import { matchPath, normalizePath } from '../lib/router';
import { QrCardPage } from '../channels/QrCardPage';
import { StatusPage } from '../staff/StatusPage';
import { SurveyBuilderPage } from './SurveyBuilderPage';
import { SurveyListPage } from './SurveyListPage';
import '../lib/section-ui.css';
import './builder.css';

export const SURVEYS_PATH = '/surveys';

/** Entry of the surveys section, loaded lazily by the staff shell: the list, or one survey's builder. */
export function SurveysPage() {
  const { pathname } = useLocation();
  const path = normalizePath(pathname);
  if (path === SURVEYS_PATH) return <SurveyListPage />;
  const card = matchPath(`${SURVEYS_PATH}/:id/card`, path);
  if (card?.id) return <QrCardPage key={card.id} surveyId={card.id} />;
  const params = matchPath(`${SURVEYS_PATH}/:id`, path);
  if (params?.id) return <SurveyBuilderPage key={params.id} id={params.id} />;
  return <StatusPage kind="not-found" path={path} />;
}
