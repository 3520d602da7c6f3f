import { useId, useState, type FormEvent } from 'react';
import type { InvalidParam } from '@shared/http/problem.schema';
import { ANY, CASE_PRIORITIES, ESCALATION_LEVELS, SLA_STAGES } from '@shared/cases/sla-policy.schema';
import { useT } from '../../i18n/i18n-context';
import { api, ApiError } from '../../lib/api-client';
import { fileUnderFields } from '../../lib/field-errors';
import { problemText } from '../../lib/problem-text';
import { caseAdminApi, type StoredPolicy } from './case-admin-api';
import { FieldError } from './FieldError';
import { emptyPolicyFields, emptyRule, policyFieldNames, policyFieldsFrom, policyInputFrom, type PolicyFields, type RuleFields } from './policy-form';

const calls = caseAdminApi(api);

/** SLA policies: targets per priority and segment for each stage, the warning threshold and the escalation ladder. */
export function PoliciesPanel({ policies, onSaved }: { policies: StoredPolicy[]; onSaved: (policy: StoredPolicy) => void }) {
  const t = useT();
  const [editing, setEditing] = useState<StoredPolicy | 'new' | null>(null);
  return (
    <section className="panel" aria-labelledby="case-policies">
      <h2 id="case-policies">{t('caseSettings.policies')}</h2>
      <p className="hint">{t('caseSettings.policiesLead')}</p>
      {policies.length === 0 ? (
        <p>{t('caseSettings.noPolicies')}</p>
      ) : (
        <ul className="case-settings-list">
          {policies.map((policy) => (
            <li key={policy.id}>
              <span>
                {policy.name} · {t('caseSettings.ruleCount', { n: policy.rules.length })}
              </span>{' '}
              <button type="button" className="button button-secondary button-small" onClick={() => setEditing(policy)}>
                {t('caseSettings.edit', { name: policy.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {editing === null ? (
        <button type="button" className="button button-secondary" onClick={() => setEditing('new')}>
          {t('caseSettings.newPolicy')}
        </button>
      ) : (
        <PolicyForm
          key={editing === 'new' ? 'new' : editing.id}
          policy={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(policy) => {
            setEditing(null);
            onSaved(policy);
          }}
        />
      )}
    </section>
  );
}

function PolicyForm({ policy, onCancel, onSaved }: { policy: StoredPolicy | null; onCancel: () => void; onSaved: (policy: StoredPolicy) => void }) {
  const t = useT();
  const id = useId();
  const [fields, setFields] = useState<PolicyFields>(() => (policy ? policyFieldsFrom(policy) : emptyPolicyFields()));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [other, setOther] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<PolicyFields>) => setFields({ ...fields, ...patch });
  const setRule = (index: number, rule: RuleFields) => set({ rules: fields.rules.map((r, i) => (i === index ? rule : r)) });
  const show = (params: InvalidParam[]) => {
    const filed = fileUnderFields(params, policyFieldNames(fields.rules.length));
    setErrors(filed.errors);
    setOther(filed.other.map((p) => `${p.name}: ${p.reason}`).join(' '));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const made = policyInputFrom(fields);
    if (!made.ok) return show(made.params);
    setBusy(true);
    try {
      onSaved(policy ? await calls.updatePolicy(policy.id, made.input) : await calls.createPolicy(made.input));
    } catch (error) {
      const params = error instanceof ApiError ? (error.problem.invalid_params ?? []) : [];
      show(params);
      if (params.length === 0) setOther(problemText(error, t));
    } finally {
      setBusy(false);
    }
  };
  const invalid = (field: string) => (errors[field] ? { 'aria-describedby': `${id}-${field}-error`, 'aria-invalid': true } : {});
  const error = (field: string) => <FieldError id={`${id}-${field}-error`} message={errors[field]} />;

  return (
    <form onSubmit={(event) => void submit(event)} aria-label={policy ? t('caseSettings.editPolicy', { name: policy.name }) : t('caseSettings.newPolicy')} noValidate>
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
      {other && <p role="alert">{other}</p>}
      {Object.keys(errors).length > 0 && !other && <p role="alert">{t('caseSettings.fixFields')}</p>}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('caseSettings.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('caseSettings.cancel')}
        </button>
      </div>
    </form>
  );
}
