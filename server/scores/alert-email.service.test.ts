import { describe, expect, it } from 'vitest';
import { renderTemplate } from '@shared/mail/template-render';
import type { Alert } from '@shared/scoring/alerts.schema';
import { DEFAULT_TEMPLATES } from '../mail/templates-defaults';
import { alertEmailVars } from './alert-email.service';

const alert: Alert = {
  id: '0123456789abcdef01234567', touchpoint: 'branch', window: 7, metric: 'csat', kind: 'breach',
  value: 3.14159, target: 4, n: 12, standardVersion: 1, at: '2026-12-04T00:00:00.000Z', notifiedAt: null,
};

describe('target alert email', () => {
  it('fills the template in English', () => {
    const vars = alertEmailVars(alert, 'Branch visit', 'en', 'https://tp.example');
    const email = renderTemplate(DEFAULT_TEMPLATES['target-alert'].en, vars, 'en');
    expect(email.subject).toBe('Branch visit: CSAT mean below target (3.1 against a target of 4)');
    expect(email.text).toContain('for the last 7 days (n = 12) is 3.1');
    expect(email.text).toContain('https://tp.example/dashboard?touchpoint=branch');
  });

  it('fills the template in Chinese for a zh-CN staff locale, status and metric included', () => {
    const vars = alertEmailVars({ ...alert, kind: 'recovery', metric: 'index', value: 81.26, target: 80 }, '分行', 'zh-CN', 'https://tp.example');
    const email = renderTemplate(DEFAULT_TEMPLATES['target-alert']['zh-CN'], vars, 'zh-CN');
    expect(email.subject).toBe('分行：服务质量指数已恢复达标（实际 81.3，目标 80）');
    expect(email.text).toContain('最近 7 天（n = 12）');
    expect(email.text).not.toMatch(/below|back on|last/);
  });
});
