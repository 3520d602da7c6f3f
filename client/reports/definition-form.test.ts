import { describe, expect, it } from 'vitest';
import type { ReportDefinition } from '@shared/reports/report.schema';
import { fileUnderFields } from '../lib/field-errors';
import { definitionFieldsFrom, definitionInputFrom, DEFINITION_FIELDS, emptyDefinitionFields } from './definition-form';

const SURVEY = '64b7f0c2a1b2c3d4e5f60718';
const TEAM = '64b7f0c2a1b2c3d4e5f60719';

describe('report definition form', () => {
  it('reads back a stored definition unchanged, and drops recipient lines left blank', () => {
    const stored: ReportDefinition = {
      id: '64b7f0c2a1b2c3d4e5f60720', name: 'Branches monthly', cadence: 'quarterly', survey: SURVEY, touchpoints: ['branch-visit'], team: TEAM,
      recipients: [{ email: 'lead@bank.example', locale: 'zh-CN' }], active: false, createdBy: 'admin@bank.example', updatedAt: '2026-12-01T00:00:00.000Z',
    };
    const fields = definitionFieldsFrom(stored);
    const made = definitionInputFrom({ ...fields, recipients: [...fields.recipients, { email: '  ', locale: 'en' }] });
    expect(made).toEqual({ ok: true, input: { name: 'Branches monthly', cadence: 'quarterly', survey: SURVEY, touchpoints: ['branch-visit'], team: TEAM, recipients: stored.recipients, active: false } });
  });

  it('starts a new definition monthly for the admin, with no team', () => {
    const made = definitionInputFrom({ ...emptyDefinitionFields(SURVEY, { email: 'me@bank.example', locale: 'en' }), name: 'Monthly' });
    expect(made.ok && made.input).toMatchObject({ cadence: 'monthly', team: null, touchpoints: [], recipients: [{ email: 'me@bank.example', locale: 'en' }], active: true });
  });

  it('files what the shared schema refuses under the form fields', () => {
    const made = definitionInputFrom({
      ...emptyDefinitionFields('not-an-id', { email: 'twice@bank.example', locale: 'en' }),
      recipients: [{ email: 'twice@bank.example', locale: 'en' }, { email: 'twice@bank.example', locale: 'zh-CN' }],
    });
    expect(made.ok).toBe(false);
    if (made.ok) return;
    const { errors, other } = fileUnderFields(made.params, DEFINITION_FIELDS);
    expect(Object.keys(errors).sort()).toEqual(['name', 'recipients', 'survey']);
    expect(errors.recipients).toMatch(/twice/);
    expect(other).toEqual([]);
    // No recipient at all is refused too, not sent as an empty list.
    const none = definitionInputFrom({ ...emptyDefinitionFields(SURVEY, { email: '', locale: 'en' }), name: 'x' });
    expect(none.ok ? [] : none.params.map((p) => p.name)).toEqual(['recipients']);
  });
});
