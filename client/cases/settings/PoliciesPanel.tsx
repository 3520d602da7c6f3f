import { useId, useState, type FormEvent } from 'react';
import { ANY, CASE_PRIORITIES, ESCALATION_LEVELS, SLA_STAGES } from '@shared/cases/sla-policy.schema';
import { useT } from '../../i18n/i18n-context';
import { api } from '../../lib/api-client';
import { caseAdminApi, type StoredPolicy } from './case-admin-api';
import { FieldError } from '../../lib/FieldError';
import { SettingsFormFooter, SettingsListEditor, useSettingsSave } from '../../lib/settings-form';
import { emptyPolicyFields, emptyRule, policyFieldNames, policyFieldsFrom, policyInputFrom, type PolicyFields, type RuleFields } from './policy-form';

const calls = caseAdminApi(api);

/** SLA policies: targets per priority and segment for each stage, the warning threshold and the escalation ladder. */
export function PoliciesPanel({ policies, onSaved }: { policies: StoredPolicy[]; onSaved: (policy: StoredPolicy) => void }) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="case-policies">
      <h2 id="case-policies">{t('caseSettings.policies')}</h2>
      <p className="hint">{t('caseSettings.policiesLead')}</p>
      <SettingsListEditor
        items={policies}
        empty={t('caseSettings.noPolicies')}
        newLabel={t('caseSettings.newPolicy')}
        describe={(policy) => `${policy.name} · ${t('caseSettings.ruleCount', { n: policy.rules.length })}`}
        form={(policy, close) => (
          <PolicyForm
            policy={policy}
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

function PolicyForm({ policy, onCancel, onSaved }: { policy: StoredPolicy | null; onCancel: () => void; onSaved: (policy: StoredPolicy) => void }) {
  const t = useT();
  const id = useId();
  const [fields, setFields] = useState<PolicyFields>(() => (policy ? policyFieldsFrom(policy) : emptyPolicyFields()));
  const { errors, other, busy, save } = useSettingsSave<string>();
  const set = (patch: Partial<PolicyFields>) => setFields({ ...fields, ...patch });
  const setRule = (index: number, rule: RuleFields) => set({ rules: fields.rules.map((r, i) => (i === index ? rule : r)) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(policyInputFrom(fields), policyFieldNames(fields.rules.length), (input) => (policy ? calls.updatePolicy(policy.id, input) : calls.createPolicy(input)), onSaved);
  };
  const invalid = (field: string) => (errors[field] ? { 'aria-describedby': `${id}-${field}-error`, 'aria-invalid': true } : {});
  const error = (field: string) => <FieldError id={`${id}-${field}-error`} message={errors[field]} />;

  return (
    <form onSubmit={submit} aria-label={policy ? t('caseSettings.editPolicy', { name: policy.name }) : t('caseSettings.newPolicy')} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('caseSettings.policyName')}</label>
        <input id={`${id}-name`} value={fields.name} onChange={(e) => set({ name: e.target.value })} {...invalid('name')} />
        {error('name')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-warning`}>{t('caseSettings.warningPercent')}</label>
        <input id={`${id}-warning`} type="number" min={1} max={99} inputMode="decimal" value={fields.warningPercent} onChange={(e) => set({ warningPercent: e.target.value })} {...invalid('warningRatio')} />
        {error('warningRatio')}
      </div>
      <fieldset className="field">
        <legend>{t('caseSettings.rules')}</legend>
        <p className="hint">{t('caseSettings.rulesHint')}</p>
        {fields.rules.map((rule, index) => (
          <fieldset key={index} className="case-policy-rule">
            <legend>{t('caseSettings.ruleN', { n: index + 1 })}</legend>
            <div className="field-row">
              <div className="field">
                <label htmlFor={`${id}-${index}-priority`}>{t('cases.priority')}</label>
                <select id={`${id}-${index}-priority`} value={rule.priority} onChange={(e) => setRule(index, { ...rule, priority: e.target.value })} {...invalid(`rules.${index}.priority`)}>
                  <option value={ANY}>{t('cases.any')}</option>
                  {CASE_PRIORITIES.map((priority) => (
                    <option key={priority} value={priority}>
                      {t(`cases.priority.${priority}`)}
                    </option>
                  ))}
                </select>
                {error(`rules.${index}.priority`)}
              </div>
              <div className="field">
                <label htmlFor={`${id}-${index}-segment`}>{t('caseSettings.segmentOrAny')}</label>
                <input id={`${id}-${index}-segment`} value={rule.segment} onChange={(e) => setRule(index, { ...rule, segment: e.target.value })} {...invalid(`rules.${index}.segment`)} />
                {error(`rules.${index}.segment`)}
              </div>
            </div>
            <div className="field-row">
              {SLA_STAGES.map((stage) => {
                const field = `rules.${index}.targets.${stage}`;
                return (
                  <div className="field" key={stage}>
                    <label htmlFor={`${id}-${index}-${stage}`}>{t('caseSettings.targetMinutes', { stage: t(`cases.stage.${stage}`) })}</label>
                    <input
                      id={`${id}-${index}-${stage}`}
                      type="number"
                      min={0}
                      step="any"
                      inputMode="decimal"
                      value={rule.targets[stage]}
                      onChange={(e) => setRule(index, { ...rule, targets: { ...rule.targets, [stage]: e.target.value } })}
                      {...invalid(field)}
                    />
                    {error(field)}
                  </div>
                );
              })}
            </div>
            {error(`rules.${index}.targets`)}
            {fields.rules.length > 1 && (
              <button type="button" className="button button-secondary button-small" onClick={() => set({ rules: fields.rules.filter((_, i) => i !== index) })}>
                {t('caseSettings.removeRule', { n: index + 1 })}
              </button>
            )}
          </fieldset>
        ))}
        {error('rules')}
        <button type="button" className="button button-secondary" onClick={() => set({ rules: [...fields.rules, emptyRule('high')] })}>
          {t('caseSettings.addRule')}
        </button>
      </fieldset>
      <fieldset className="field">
        <legend>{t('caseSettings.escalation')}</legend>
        <p className="hint">{t('caseSettings.escalationHint')}</p>
        {ESCALATION_LEVELS.map((level) => {
          const step = fields.escalation[level];
          const setStep = (patch: Partial<typeof step>) => set({ escalation: { ...fields.escalation, [level]: { ...step, ...patch } } });
          return (
            <div className="field-row" key={level}>
              <label className="checkbox-field">
                <input type="checkbox" checked={step.on} onChange={(e) => setStep({ on: e.target.checked })} /> {t('caseSettings.notify', { level: t(`cases.level.${level}`) })}
              </label>
              <div className="field field-inline">
                <label htmlFor={`${id}-after-${level}`}>{t('caseSettings.afterMinutes')}</label>
                <input id={`${id}-after-${level}`} type="number" min={0} step="any" inputMode="decimal" disabled={!step.on} value={step.afterMinutes} onChange={(e) => setStep({ afterMinutes: e.target.value })} />
              </div>
            </div>
          );
        })}
        {error('escalation')}
      </fieldset>
      <SettingsFormFooter errors={errors} other={other} busy={busy} onCancel={onCancel} />
    </form>
  );
}
