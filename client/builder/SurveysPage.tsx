import { SectionPlaceholder } from '../staff/SectionPlaceholder';

/** Entry of the surveys section, loaded lazily by the staff shell. */
export function SurveysPage() {
  return <SectionPlaceholder titleKey="nav.surveys" descriptionKey="surveys.placeholder" />;
}
