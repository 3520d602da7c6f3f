import { caseMetricsConsumer } from './case-metrics/case-metrics.consumer';
import type { CaseConsumer } from './cases/case-events';
import { caseCustomerEmails } from './cases/customer/customer-email.job';
import { followUpCaseConsumer } from './follow-up/follow-up-case.consumer';
import { caseWebhookConsumer } from './webhooks/case-webhook.consumer';

/**
 * Every feature that follows what happens to a case, like `response-hooks.ts` for responses: the
 * platform hands this list to the cases feature, which imports none of them. A new consumer (customer
 * emails, case metrics, webhooks) is one line here. Each runs after every appended timeline entry,
 * awaited, and must be idempotent per case number and timeline index.
 */
export const CASE_CONSUMERS: readonly CaseConsumer[] = [caseCustomerEmails, caseMetricsConsumer, followUpCaseConsumer, caseWebhookConsumer];
