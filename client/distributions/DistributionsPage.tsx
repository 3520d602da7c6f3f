import { SectionPlaceholder } from '../staff/SectionPlaceholder';

/** Entry of the distributions section, loaded lazily by the staff shell. */
export function DistributionsPage() {
  return <SectionPlaceholder titleKey="nav.distributions" descriptionKey="distributions.placeholder" />;
}
