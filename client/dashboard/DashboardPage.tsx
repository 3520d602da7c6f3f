import { SectionPlaceholder } from '../staff/SectionPlaceholder';

/** Entry of the dashboard section, loaded lazily by the staff shell. */
export function DashboardPage() {
  return <SectionPlaceholder titleKey="nav.dashboard" descriptionKey="dashboard.placeholder" />;
}
