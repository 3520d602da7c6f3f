import { SectionPlaceholder } from '../staff/SectionPlaceholder';

/** Entry of the touchpoints section, loaded lazily by the staff shell. */
export function TouchpointsPage() {
  return <SectionPlaceholder titleKey="nav.touchpoints" descriptionKey="touchpoints.placeholder" />;
}
