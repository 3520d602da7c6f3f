import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecordView } from '@shared/cases/case-api.schema';
import { expectNoSeriousAxeViolations, signedInPage, startBrowserSession, type BrowserSession } from '../harness/browser-session';
import { move, openCase, staff, team } from '../integration/cases-fixtures';

const PASSWORD = 'agent password 123';
const AGENT_A = { email: 'ana@bank.test', password: PASSWORD };
const AGENT_B = { email: 'bo@bank.test', password: PASSWORD };

/** Minutes for every stage, so nothing breaches while the agent clicks (acknowledgement in 10 min); urgent cases must be acknowledged in 12 s. */
const MINUTES_POLICY = {
  name: 'Counter service',
  warningRatio: 0.8,
  rules: [
    { priority: '*', segment: '*', targets: { acknowledge: 600, investigate: 1200, plan: 1800, answer: 3600, resolve: 7200 } },
    { priority: 'urgent', segment: '*', targets: { acknowledge: 12, investigate: 1200, plan: 1800, answer: 3600, resolve: 7200 } },
  ],
  escalation: [],
};

let tp: BrowserSession;
let mine: CaseRecordView;
let othersCase: CaseRecordView;
let anaCookie: string;
let counterAId: string;
let anaId: string;

beforeAll(async () => {
  tp = await startBrowserSession();
  const admin = await tp.login();
  expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key: 'branch-visit', name: 'Branch visit' } })).status).toBe(201);
  const ana = await staff(tp.request, tp.login, admin, AGENT_A.email);
  const bo = await staff(tp.request, tp.login, admin, AGENT_B.email);
  const policy = await tp.request('/api/case-admin/sla-policies', { cookie: admin, body: MINUTES_POLICY });
  expect(policy.status, policy.text).toBe(201);
  const slaPolicyId = (policy.body as { id: string }).id;
  const counterA = await team(tp.request, admin, { name: 'Counter A', members: [ana.id], slaPolicyId });
  const counterB = await team(tp.request, admin, { name: 'Counter B', members: [bo.id], slaPolicyId });
  [anaCookie, counterAId, anaId] = [ana.cookie, counterA, ana.id];
  mine = await openCase(tp.request, ana.cookie, { teamId: counterA, assigneeId: ana.id, summary: 'Card swallowed by the ATM' });
  othersCase = await openCase(tp.request, bo.cookie, { teamId: counterB, assigneeId: bo.id, summary: 'Queue too long at noon' });
});
afterAll(async () => {
  await tp?.stop();
});

const clockOf = (page: Page, stage: string) => page.getByRole('region', { name: 'SLA clocks' }).getByRole('listitem').filter({ hasText: stage });

describe('cases in Chromium', () => {
  it('an agent finds their case in "Mine" and takes it from new to resolved, the clocks and timeline following', async () => {
    const page = await signedInPage(tp, { as: AGENT_A });
    // Agents see cases and their account, nothing else.
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Cases', 'Your account']);
    await nav.getByRole('link', { name: 'Cases' }).click();

    expect(await page.getByRole('button', { name: 'Mine' }).getAttribute('aria-pressed')).toBe('true');
    const row = page.getByRole('row').filter({ hasText: mine.ref });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toMatch(/Card swallowed by the ATM.*New.*Normal.*Counter A.*ana.*due in (9|10) min/);
    // Another team's case is in none of the views.
    await page.getByRole('button', { name: 'All' }).click();
    await page.getByRole('row').filter({ hasText: mine.ref }).waitFor();
    expect(await page.getByText(othersCase.ref).count()).toBe(0);
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('link', { name: mine.ref }).click();
    await page.getByRole('heading', { level: 1, name: `${mine.ref} · Card swallowed by the ATM` }).waitFor();
    // The facts name things as people know them: the touchpoint's name, the team, the assignee.
    const facts = await page.locator('.case-facts > div').allTextContents();
    expect(facts).toEqual(expect.arrayContaining(['StatusNew', 'TeamCounter A', 'Assigneeana', 'TouchpointBranch visit', 'Channelon-site', 'SourceLogged by staff']));
    await expect.poll(() => clockOf(page, 'Acknowledge').textContent()).toMatch(/due in (9|10) min \d\d s/);
    // The countdown ticks.
    const before = await clockOf(page, 'Acknowledge').textContent();
    await expect.poll(() => clockOf(page, 'Acknowledge').textContent(), { timeout: 5000 }).not.toBe(before);
    await expectNoSeriousAxeViolations(page);

    const steps: Array<[button: string, status: string, clock: string | null]> = [
      ['Acknowledge', 'Acknowledged', 'Investigate'],
      ['Start investigation', 'Investigating', 'Plan'],
      ['Propose plan', 'Plan proposed', 'Resolve'],
      ['Resolve', 'Resolved', null],
    ];
    for (const [button, status, clock] of steps) {
      await page.getByRole('button', { name: button, exact: true }).click();
      await page.getByRole('definition').filter({ hasText: new RegExp(`^${status}$`) }).waitFor();
      await page.getByText(`${button}: now ${status}.`).waitFor();
      if (clock) await expect.poll(() => clockOf(page, clock).textContent()).toMatch(/due in (\d+ h )?\d+ min/);
    }
    await page.getByText('No clock is running: the case is resolved or closed.').waitFor();
    expect(await page.getByRole('button', { name: 'Reopen' }).isVisible()).toBe(true);

    await page.getByRole('textbox', { name: 'Note' }).fill('Card returned at the counter; customer happy.');
    await page.getByRole('button', { name: 'Add internal note' }).click();
    const timeline = page.getByRole('region', { name: 'Timeline' }).getByRole('listitem');
    await expect.poll(() => timeline.allTextContents()).toHaveLength(6);
    const entries = await timeline.allTextContents();
    expect(entries[0]).toMatch(/ana.*Opened the case \(Normal priority\)\./);
    expect(entries[4]).toMatch(/ana.*Resolve: now Resolved\./);
    expect(entries[5]).toMatch(/ana.*Added an internal note\.Card returned at the counter; customer happy\./);
    expect(await page.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('');

    // The server agrees with what the page shows.
    const stored = (await tp.request(`/api/cases/${mine.ref}`, { cookie: await tp.login(AGENT_A.email, AGENT_A.password) })).body as CaseRecordView;
    expect(stored.status).toBe('resolved');

    // Back in the inbox, the view chosen before is still chosen (it lives in the address).
    await page.goBack();
    await page.getByRole('row').filter({ hasText: mine.ref }).filter({ hasText: 'Resolved' }).waitFor();
    expect(await page.getByRole('button', { name: 'All' }).getAttribute('aria-pressed')).toBe('true');
    expect(new URL(page.url()).search).toBe('?view=all');
    await page.context().close();
  });

  it('a clock that runs out turns to "overdue", is announced once to screen readers, and its breach joins the timeline', async () => {
    // Signed in first: the 12 s clock starts when the case opens, and sign-in is slow on a loaded machine.
    const page = await signedInPage(tp, { as: AGENT_A });
    const urgent = await openCase(tp.request, anaCookie, { teamId: counterAId, assigneeId: anaId, priority: 'urgent', summary: 'Locked out of online banking' });
    await page.goto(`${tp.url}/cases/${urgent.ref}`);
    const clock = clockOf(page, 'Acknowledge');
    await expect.poll(() => clock.textContent()).toMatch(/Acknowledge due in \d+ s/);
    const live = page.locator('[aria-live="assertive"]');
    expect(await live.textContent()).toBe('');
    await expect.poll(() => clock.textContent(), { timeout: 20_000 }).toMatch(/Acknowledge overdue by \d+ s/);
    expect(await clock.getAttribute('class')).toContain('case-clock-breached');
    await expect.poll(() => live.textContent()).toBe('The Acknowledge stage has breached its target.');
    // The breach timer's entry arrives with the refresh that follows the breach.
    await page.getByText('The Acknowledge stage breached its target.').waitFor({ timeout: 15_000 });
    const announced = await live.textContent();
    await page.waitForTimeout(1500);
    expect(await live.textContent()).toBe(announced);
    await page.context().close();
  });

  it('a move someone else made first is refused with the moves the case allows now, and the case reloads', async () => {
    const page = await signedInPage(tp, { as: AGENT_A });
    const raced = await openCase(tp.request, anaCookie, { teamId: counterAId, assigneeId: anaId, summary: 'Wrong fee charged' });
    await page.goto(`${tp.url}/cases/${raced.ref}`);
    await page.getByRole('button', { name: 'Acknowledge', exact: true }).waitFor();
    // A colleague acknowledges it behind this page's back.
    expect((await move(tp.request, anaCookie, raced.ref, 'acknowledge')).status).toBe(200);
    await page.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await page.getByText('That move is no longer allowed; the case was reloaded. Allowed now: Start investigation, Wait on customer, Resolve.').waitFor();
    await page.getByRole('definition').filter({ hasText: /^Acknowledged$/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Acknowledge', exact: true }).count()).toBe(0);
    await page.context().close();
  });

  it('the inbox fits a phone: each case a card of labelled lines, nothing wider than the screen', async () => {
    const page = await signedInPage(tp, { as: AGENT_A, next: '/cases?view=all', context: { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true } });
    const row = page.getByRole('row').filter({ hasText: mine.ref });
    await row.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // The column headings are hidden on a phone; each line carries its own.
    const box = (await row.getByRole('cell').filter({ hasText: 'Card swallowed by the ATM' }).boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(await row.getByRole('cell').nth(1).evaluate((cell) => getComputedStyle(cell, '::before').content)).toBe('"Case"');
    await page.context().close();
  });

  it('another team’s case does not open for the agent, even by its address', async () => {
    const page = await signedInPage(tp, { as: AGENT_A, next: `/cases/${othersCase.ref}` });
    await page.getByText(`There is no case ${othersCase.ref} among the cases you can see.`).waitFor();
    await page.goto(`${tp.url}/dashboard`);
    await page.getByRole('heading', { level: 1, name: 'No access' }).waitFor();
    await page.context().close();
  });

  it('an admin keeps SLA policies and team calendars, each refusal shown next to its field', async () => {
    const page = await signedInPage(tp, { next: '/case-settings' });
    await page.getByRole('heading', { level: 1, name: 'Case settings' }).waitFor();

    await page.getByRole('button', { name: 'New SLA policy' }).click();
    const policyForm = page.getByRole('form', { name: 'New SLA policy' });
    await policyForm.getByLabel('Policy name').fill('Branch standard');
    // A plan due before the investigation is refused by the shared schema, on the rule it concerns.
    await policyForm.getByLabel('Plan within (minutes)').fill('60');
    await policyForm.getByRole('button', { name: 'Save' }).click();
    await policyForm.getByText('milestone targets count from the same start').waitFor();
    await policyForm.getByLabel('Plan within (minutes)').fill('240');
    await policyForm.getByLabel('Notify the team lead').check();
    await policyForm.getByLabel('Minutes after the breach').nth(1).fill('30');
    await policyForm.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Branch standard · 1 rules').waitFor();

    await page.getByRole('button', { name: 'New team' }).click();
    const teamForm = page.getByRole('form', { name: 'New team' });
    await teamForm.getByLabel('Team name').fill('Night desk');
    await teamForm.getByLabel('ana').check();
    await teamForm.getByLabel('SLA policy').selectOption({ label: 'Branch standard' });
    await teamForm.getByLabel('Time zone').selectOption('Asia/Shanghai');
    await teamForm.getByLabel('Saturday').fill('22:00-6');
    await teamForm.getByRole('button', { name: 'Save' }).click();
    const saturday = teamForm.getByLabel('Saturday');
    expect(await saturday.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await saturday.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/HH:MM/);
    await saturday.fill('22:00-06:00');
    await teamForm.getByLabel('Holidays').fill('2026-10-01 National Day');
    await teamForm.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Night desk · 1 members · Asia/Shanghai').waitFor();

    const admin = await tp.login();
    const teams = (await tp.request('/api/case-admin/teams', { cookie: admin })).body as { teams: Array<{ name: string; calendar: { weeklyHours: Record<string, unknown>; holidays: unknown[] } }> };
    const night = teams.teams.find((team) => team.name === 'Night desk')!;
    expect(night.calendar.weeklyHours.sat).toEqual([{ from: '22:00', to: '06:00' }]);
    expect(night.calendar.holidays).toEqual([{ date: '2026-10-01', name: 'National Day' }]);
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  });

  it('an admin adds a root-cause category, and the agent files a case under it; the timeline says so', async () => {
    const adminPage = await signedInPage(tp, { next: '/case-settings' });
    await adminPage.getByRole('button', { name: 'New category' }).click();
    const form = adminPage.getByRole('form', { name: 'New category' });
    await form.getByLabel('Key').fill('Card Fault');
    await form.getByLabel('Name in English').fill('Card fault');
    await form.getByLabel('Name in Chinese').fill('银行卡故障');
    await form.getByRole('button', { name: 'Save' }).click();
    // The shared schema refuses a key that is no slug, next to the field.
    expect(await form.getByLabel('Key').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Key').fill('card-fault');
    await form.getByRole('button', { name: 'Save' }).click();
    await adminPage.getByText('Card fault · card-fault').waitFor();
    await expectNoSeriousAxeViolations(adminPage);
    await adminPage.context().close();

    const page = await signedInPage(tp, { as: AGENT_A });
    const filed = await openCase(tp.request, anaCookie, { teamId: counterAId, assigneeId: anaId, summary: 'Card declined twice' });
    await page.goto(`${tp.url}/cases/${filed.ref}`);
    await page.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Card fault' });
    await page.getByRole('button', { name: 'Save category' }).click();
    await page.getByRole('region', { name: 'Timeline' }).getByText('Filed under Card fault.').waitFor();
    expect(await page.locator('.case-facts > div').allTextContents()).toContain('CategoryCard fault');
    const stored = (await tp.request(`/api/cases/${filed.ref}`, { cookie: anaCookie })).body as CaseRecordView;
    expect(stored.category).toBe('card-fault');
    // The inbox names the category in its own column and filters by it.
    const other = await openCase(tp.request, anaCookie, { teamId: counterAId, assigneeId: anaId, summary: 'Uncategorised question' });
    await page.goto(`${tp.url}/cases?view=team`);
    await page.getByRole('link', { name: other.ref }).waitFor();
    await page.getByRole('group', { name: 'Filters' }).getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Card fault' });
    await page.waitForURL(/category=card-fault/);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: filed.ref }) });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toContain('Card fault');
    expect(await page.getByRole('link', { name: other.ref }).count()).toBe(0);
    await page.context().close();
  });
});
