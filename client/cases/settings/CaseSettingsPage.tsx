import { useT } from '../../i18n/i18n-context';
import { credentialsApi } from '../../auth/credentials-api';
import { api } from '../../lib/api-client';
import { Loaded } from '../../lib/Loaded';
import { useLoad } from '../../lib/use-load';
import { caseCategoriesApi } from '../case-categories';
import { caseAdminApi } from './case-admin-api';
import { CategoriesPanel } from './CategoriesPanel';
import { PoliciesPanel } from './PoliciesPanel';
import { TeamsPanel } from './TeamsPanel';
import '../../lib/section-ui.css';
import '../cases.css';

const calls = caseAdminApi(api);
const credentials = credentialsApi(api);
const categoryCalls = caseCategoriesApi(api);

/** Admins keep the case teams (members, lead, calendar), the SLA policies their clocks run on and the root-cause categories. */
export function CaseSettingsPage() {
  const t = useT();
  const load = useLoad('case settings', async () => {
    const [teams, policies, users, categories] = await Promise.all([calls.teams(), calls.policies(), credentials.listUsers(), categoryCalls.list(true)]);
    return { teams, policies, users, categories };
  });
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('nav.caseSettings')}</h1>
      <p className="page-lead">{t('caseSettings.placeholder')}</p>
      <Loaded load={load} failed={t('caseSettings.loadFailed')}>
        {(value) => (
          <>
            <TeamsPanel
              teams={value.teams}
              policies={value.policies}
              users={value.users}
              onSaved={(team) => load.replace({ ...value, teams: [...value.teams.filter((x) => x.id !== team.id), team].sort((a, b) => a.name.localeCompare(b.name)) })}
            />
            <PoliciesPanel
              policies={value.policies}
              onSaved={(policy) => load.replace({ ...value, policies: [...value.policies.filter((x) => x.id !== policy.id), policy].sort((a, b) => a.name.localeCompare(b.name)) })}
            />
            <CategoriesPanel
              categories={value.categories}
              onSaved={(category) => load.replace({ ...value, categories: [...value.categories.filter((x) => x.key !== category.key), category].sort((a, b) => a.key.localeCompare(b.key)) })}
            />
          </>
        )}
      </Loaded>
    </section>
  );
}
