import { useId, useState, type FormEvent } from 'react';
import type { User } from '@shared/auth/auth.schema';
import { WEEKDAYS } from '@shared/cases/business-calendar.schema';
import { timeZoneOptions, browserTimeZone } from '../../distributions/distribution-form';
import { useT } from '../../i18n/i18n-context';
import { api } from '../../lib/api-client';
import { caseAdminApi, type StoredPolicy, type Team } from './case-admin-api';
import { FieldError } from '../../lib/FieldError';
import { SettingsFormFooter, SettingsListEditor, useSettingsSave } from '../../lib/settings-form';
import { emptyTeamFields, TEAM_FIELDS, teamFieldsFrom, teamInputFrom, type TeamField, type TeamFields } from './team-form';

const calls = caseAdminApi(api);

interface Props {
  teams: Team[];
  policies: StoredPolicy[];
  users: User[];
  onSaved: (team: Team) => void;
}

/** Teams: who is in each, its lead, its SLA policy and its business calendar. */
export function TeamsPanel({ teams, policies, users, onSaved }: Props) {
  const t = useT();
  const staffUsers = users.filter((user) => user.role === 'agent' || user.role === 'admin');
  return (
    <section className="panel" aria-labelledby="case-teams">
      <h2 id="case-teams">{t('caseSettings.teams')}</h2>
      <SettingsListEditor
        items={teams}
        empty={t('caseSettings.noTeams')}
        newLabel={t('caseSettings.newTeam')}
        describe={(team) => `${team.name} · ${t('caseSettings.memberCount', { n: team.members.length })} · ${team.calendar.timeZone}`}
        form={(team, close) => (
          <TeamForm
            team={team}
            policies={policies}
            users={staffUsers}
            onCancel={close}
            onSaved={(saved) => {
              close();
              onSaved(saved);
            }}
          />
        )}
      />
    </section>
  );
}

function TeamForm({ team, policies, users, onCancel, onSaved }: { team: Team | null; policies: StoredPolicy[]; users: User[]; onCancel: () => void; onSaved: (team: Team) => void }) {
  const t = useT();
  const id = useId();
  const [fields, setFields] = useState<TeamFields>(() => (team ? teamFieldsFrom(team) : emptyTeamFields(browserTimeZone())));
  const { errors, other, busy, save } = useSettingsSave<TeamField>();
  const set = (patch: Partial<TeamFields>) => setFields({ ...fields, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(teamInputFrom(fields), TEAM_FIELDS, (input) => (team ? calls.updateTeam(team.id, input) : calls.createTeam(input)), onSaved);
  };
  const described = (field: TeamField) => (errors[field] ? { 'aria-describedby': `${id}-${field}-error`, 'aria-invalid': true } : {});
  const toggleMember = (userId: string) => set({ members: fields.members.includes(userId) ? fields.members.filter((m) => m !== userId) : [...fields.members, userId] });

  return (
    <form onSubmit={submit} aria-label={team ? t('caseSettings.editTeam', { name: team.name }) : t('caseSettings.newTeam')} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('caseSettings.teamName')}</label>
        <input id={`${id}-name`} value={fields.name} onChange={(e) => set({ name: e.target.value })} {...described('name')} />
        <FieldError id={`${id}-name-error`} message={errors.name} />
      </div>
      <fieldset className="field" {...described('members')}>
        <legend>{t('caseSettings.members')}</legend>
        {users.map((user) => (
          <label key={user.id} className="checkbox-field">
            <input type="checkbox" checked={fields.members.includes(user.id)} onChange={() => toggleMember(user.id)} /> {user.name}
          </label>
        ))}
        <FieldError id={`${id}-members-error`} message={errors.members} />
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-lead`}>{t('caseSettings.lead')}</label>
        <select id={`${id}-lead`} value={fields.lead} onChange={(e) => set({ lead: e.target.value })} {...described('lead')}>
          <option value="">{t('caseSettings.noLead')}</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-lead-error`} message={errors.lead} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-policy`}>{t('caseSettings.policy')}</label>
        <select id={`${id}-policy`} value={fields.slaPolicyId} onChange={(e) => set({ slaPolicyId: e.target.value })} {...described('slaPolicyId')}>
          <option value="">{t('caseSettings.standardPolicy')}</option>
          {policies.map((policy) => (
            <option key={policy.id} value={policy.id}>
              {policy.name}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-slaPolicyId-error`} message={errors.slaPolicyId} />
      </div>
      <fieldset className="field">
        <legend>{t('caseSettings.calendar')}</legend>
        <div className="field">
          <label htmlFor={`${id}-zone`}>{t('caseSettings.timeZone')}</label>
          <select id={`${id}-zone`} value={fields.timeZone} onChange={(e) => set({ timeZone: e.target.value })} {...described('calendar.timeZone')}>
            {timeZoneOptions([fields.timeZone, browserTimeZone()]).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-calendar.timeZone-error`} message={errors['calendar.timeZone']} />
        </div>
        <p className="hint" id={`${id}-hours-hint`}>
          {t('caseSettings.hoursHint')}
        </p>
        {WEEKDAYS.map((day) => {
          const field = `calendar.weeklyHours.${day}` as const;
          return (
            <div className="field field-inline" key={day}>
              <label htmlFor={`${id}-${day}`}>{t(`caseSettings.day.${day}`)}</label>
              <input
                id={`${id}-${day}`}
                value={fields.hours[day]}
                onChange={(e) => set({ hours: { ...fields.hours, [day]: e.target.value } })}
                aria-describedby={errors[field] ? `${id}-${field}-error` : `${id}-hours-hint`}
                aria-invalid={errors[field] ? true : undefined}
              />
              <FieldError id={`${id}-${field}-error`} message={errors[field]} />
            </div>
          );
        })}
        <FieldError id={`${id}-calendar.weeklyHours-error`} message={errors['calendar.weeklyHours']} />
        <div className="field">
          <label htmlFor={`${id}-holidays`}>{t('caseSettings.holidays')}</label>
          <textarea id={`${id}-holidays`} rows={4} value={fields.holidays} onChange={(e) => set({ holidays: e.target.value })} aria-describedby={`${id}-holidays-hint ${id}-calendar.holidays-error`} />
          <p className="hint" id={`${id}-holidays-hint`}>
            {t('caseSettings.holidaysHint')}
          </p>
          <FieldError id={`${id}-calendar.holidays-error`} message={errors['calendar.holidays']} />
        </div>
      </fieldset>
      <SettingsFormFooter errors={errors} other={other} busy={busy} onCancel={onCancel} />
    </form>
  );
}
