import type { TemplateLocale } from '@shared/mail/template.schema';
import type { CasePriority, EscalationLevel, SlaStage } from '@shared/cases/sla-policy.schema';
import type { ActionVerdict } from '@shared/actions/action.schema';
import type { TargetMetric } from '@shared/scoring/target.schema';

/**
 * Server-written text that is not an email template, in every template locale: the unsubscribe page
 * customers reach from an email, and words filled into staff emails. Kept beside the built-in email
 * templates so a translation covers both.
 */
export interface ServerText {
  /** The page of a short link (`/q/<code>`) that leads nowhere. */
  shortLinkPage: { missingTitle: string; missing: string };
  /** The page of a customer's case link (`/c/<token>`) that is forged (403) or ran out (410). */
  caseLinkPage: { invalidTitle: string; invalid: string; expiredTitle: string; expired: string };
  unsubscribePage: {
    title: string;
    /** Followed by the masked address. */
    ask: string;
    askUnknown: string;
    button: string;
    done: string;
    already: string;
    invalidTitle: string;
    invalid: string;
  };
  /** The `name` in a staff alert about a response no contact is linked to. */
  anonymousCustomer: string;
  /** The list in a touchpoint owner's low-score digest (`follow-up-owner` template). */
  ownerDigest: {
    /** `{n}` is filled in; shown when the list is cut. */
    more: string;
  };
  /** Words filled into a touchpoint owner's target alert (`target-alert` template). */
  targetAlert: {
    metric: Record<TargetMetric, string>;
    /** `{days}` and `{n}` are filled in. */
    period: string;
    breach: string;
    recovery: string;
  };
  /** Lines filled into a scheduled service report (`service-report` template); `{…}` are filled in. */
  serviceReport: {
    /** One touchpoint: `{name}`, `{n}` and `{scores}` (the metrics with their 95% intervals). */
    headline: string;
    /** One significant change: `{name}`, `{metric}`, `{delta}`, `{p}`, `{test}`. */
    mover: string;
    noMovers: string;
    noData: string;
    /** One touchpoint's case handling: `{name}`, `{n}`, `{sla}` (attainment), `{frt}` and `{tat}` (medians). */
    cases: string;
    /** One comment theme: `{name}`, `{n}` (responses mentioning it), `{share}` (of those commented). */
    themes: string;
    /** Counts of improvement actions: `{due}`, `{verdicts}`, `{improved}`. */
    actions: string;
    /** An empty list (no cases, no themes). */
    none: string;
  };
  /** Words filled into a case escalation (`case-escalation` template). */
  caseEscalation: {
    stage: Record<SlaStage, string>;
    level: Record<EscalationLevel, string>;
    priority: Record<CasePriority, string>;
  };
  /** Words filled into improvement-action reminders (`action-reminder`). `{title}` is filled in. */
  actionReminder: { action: string; task: string; dueSoon: string; overdue: string };
  /**
   * The verdict list of an action's check (`action-verdict`): `{from}`/`{to}` make a window; a line per
   * metric fills `{metric}`, `{verdict}`, `{before}`, `{after}`, `{effect}`, `{lo}`, `{hi}`, `{nb}`, `{nc}`.
   */
  actionVerdict: { window: string; line: string; lineNoInterval: string; verdict: Record<ActionVerdict, string> };
}

export const SERVER_TEXT: Record<TemplateLocale, ServerText> = {
  en: {
    shortLinkPage: {
      missingTitle: 'Survey not found',
      missing: 'This link leads to no survey. Please check the address, or scan the code again.',
    },
    caseLinkPage: {
      invalidTitle: 'Link not valid',
      invalid: 'This case link is not valid. Please open it from the email we sent you, exactly as it is.',
      expiredTitle: 'Link expired',
      expired: 'This case link has expired. The latest email about your case has a fresh one.',
    },
    unsubscribePage: {
      title: 'Unsubscribe',
      ask: 'Stop sending survey emails to',
      askUnknown: 'Stop sending survey emails to this address?',
      button: 'Unsubscribe',
      done: 'You are unsubscribed. We will not send you survey emails any more.',
      already: 'This address is already unsubscribed; we send it no survey emails.',
      invalidTitle: 'Link not valid',
      invalid: 'This unsubscribe link is not valid. Please use the link from the email exactly as it was sent.',
    },
    anonymousCustomer: 'anonymous customer',
    ownerDigest: { more: '…and {n} more: see the dashboard.' },
    targetAlert: {
      metric: {
        nps: 'NPS', 'csat-satisfied': 'CSAT satisfied %', csat: 'CSAT mean', ces: 'CES', 'servqual-gap': 'SERVQUAL gap', index: 'service-quality index',
        'frt-p90': 'case first response time (p90, seconds)', 'tat-p90': 'case turnaround time (p90, seconds)', fcr: 'first-contact resolution %',
        'sla-attainment': 'SLA attainment %', 'reopen-rate': 'case reopen rate %', 'escalation-rate': 'case escalation rate %', 'repeat-rate': 'repeat issue rate %',
        'resolution-csat': 'resolution CSAT',
      },
      period: 'the last {days} days (n = {n})',
      breach: 'below target',
      recovery: 'back on target',
    },
    serviceReport: {
      headline: '- {name}: {n} responses; {scores}',
      mover: '- {name}: {metric} {delta} ({test}, p = {p})',
      noMovers: 'No significant change against the previous period.',
      noData: 'No responses in this period.',
      cases: '- {name}: {n} cases; SLA met {sla}; first response p50 {frt}; resolution p50 {tat}',
      themes: '- {name}: {n} comments ({share} of those commented)',
      actions: '{due} improvement actions due; {verdicts} verdicts reached ({improved} improved)',
      none: 'None in this period.',
    },
    caseEscalation: {
      stage: { acknowledge: 'acknowledgement', investigate: 'investigation', plan: 'plan', answer: 'customer answer', resolve: 'resolution' },
      level: { assignee: 'the assignee', 'team-lead': 'team lead', 'touchpoint-owner': 'touchpoint owner', admin: 'administrator' },
      priority: { low: 'low', normal: 'normal', high: 'high', urgent: 'urgent' },
    },
    actionReminder: { action: 'The action', task: 'Task "{title}"', dueSoon: 'due soon', overdue: 'overdue' },
    actionVerdict: {
      window: '{from} to {to}',
      line: '- {metric}: {verdict}, {before} → {after}, effect {effect} (95% interval {lo} to {hi}; n = {nb} / {nc})',
      lineNoInterval: '- {metric}: {verdict} (n = {nb} / {nc})',
      verdict: { improved: 'improved', worse: 'worse', 'no-change': 'no detectable change', 'too-few': 'too few responses to tell', untestable: 'no test for this metric' },
    },
  },
  'zh-CN': {
    shortLinkPage: {
      missingTitle: '未找到调查',
      missing: '此链接没有对应的调查。请检查地址，或重新扫描二维码。',
    },
    caseLinkPage: {
      invalidTitle: '链接无效',
      invalid: '此工单链接无效。请从我们发给您的邮件中原样打开。',
      expiredTitle: '链接已过期',
      expired: '此工单链接已过期。关于您工单的最新邮件中有新的链接。',
    },
    unsubscribePage: {
      title: '退订',
      ask: '不再向以下地址发送调查邮件：',
      askUnknown: '不再向此地址发送调查邮件？',
      button: '确认退订',
      done: '您已成功退订，今后我们不会再向您发送调查邮件。',
      already: '此地址已退订，我们不会再向其发送调查邮件。',
      invalidTitle: '链接无效',
      invalid: '此退订链接无效，请使用邮件中的原始链接。',
    },
    anonymousCustomer: '匿名客户',
    ownerDigest: { more: '……另有 {n} 条，请在仪表盘中查看。' },
    targetAlert: {
      metric: {
        nps: 'NPS（净推荐值）', 'csat-satisfied': 'CSAT 满意率', csat: 'CSAT 平均分', ces: 'CES（客户费力度）', 'servqual-gap': 'SERVQUAL 差距', index: '服务质量指数',
        'frt-p90': '工单首次响应时间（P90，秒）', 'tat-p90': '工单处理时长（P90，秒）', fcr: '首次接触解决率', 'sla-attainment': 'SLA 达成率',
        'reopen-rate': '工单重开率', 'escalation-rate': '工单升级率', 'repeat-rate': '重复问题率', 'resolution-csat': '处理满意度（CSAT）',
      },
      period: '最近 {days} 天（n = {n}）',
      breach: '低于目标',
      recovery: '已恢复达标',
    },
    serviceReport: {
      headline: '- {name}：{n} 份回复；{scores}',
      mover: '- {name}：{metric} 变化 {delta}（{test}，p = {p}）',
      noMovers: '与上一周期相比没有显著变化。',
      noData: '本周期没有回复。',
      cases: '- {name}：{n} 个工单；SLA 达成 {sla}；首次响应中位数 {frt}；解决中位数 {tat}',
      themes: '- {name}：{n} 条评论（占有评论回复的 {share}）',
      actions: '{due} 项改进措施到期；{verdicts} 项得出结论（{improved} 项改善）',
      none: '本周期没有。',
    },
    caseEscalation: {
      stage: { acknowledge: '受理', investigate: '初步调查', plan: '处理方案', answer: '答复客户', resolve: '解决' },
      level: { assignee: '处理人', 'team-lead': '团队负责人', 'touchpoint-owner': '触点负责人', admin: '管理员' },
      priority: { low: '低', normal: '普通', high: '高', urgent: '紧急' },
    },
    actionReminder: { action: '措施本身', task: '任务“{title}”', dueSoon: '即将到期', overdue: '已逾期' },
    actionVerdict: {
      window: '{from} 至 {to}',
      line: '- {metric}：{verdict}，{before} → {after}，效果 {effect}（95% 区间 {lo} 至 {hi}；n = {nb} / {nc}）',
      lineNoInterval: '- {metric}：{verdict}（回复数 n = {nb} / {nc}）',
      verdict: { improved: '改善', worse: '变差', 'no-change': '无可检测的变化', 'too-few': '回复太少，无法判断', untestable: '此指标无统计检验' },
    },
  },
};
