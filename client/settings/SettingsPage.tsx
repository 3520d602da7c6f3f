import { SectionPlaceholder } from '../staff/SectionPlaceholder';

/** Entry of the settings section, loaded lazily by the staff shell. */
export function SettingsPage() {
  return <SectionPlaceholder titleKey="nav.settings" descriptionKey="settings.placeholder" />;
}
