import type { SendKind } from '@shared/mail/send-log.schema';
import type { EmailTemplateBody, TemplateLocale } from '@shared/mail/template.schema';

/** A plain, mail-client-safe frame (inline styles, one column) around a default body. */
function frame(lang: string, body: string, footer = ''): string {
  return [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head>`,
    '<body style="margin:0;padding:24px;background:#f5f6f8;font-family:Arial,\'PingFang SC\',\'Microsoft YaHei\',sans-serif;color:#1f2933">',
    '<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px;line-height:1.6">',
    body,
    '</div>',
    footer ? `<p style="max-width:560px;margin:16px auto 0;font-size:12px;color:#6b7280;text-align:center">${footer}</p>` : '',
    '</body></html>',
  ].join('\n');
}

const button = (href: string, label: string) =>
  `<p style="margin:24px 0"><a href="${href}" style="background:#2563eb;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${label}</a></p>`;

const unsubscribeEn = 'You receive this email because you are a customer of ours. <a href="{{unsubscribeLink}}" style="color:#6b7280">Unsubscribe</a> from survey emails.';
const unsubscribeZh = '您收到此邮件是因为您是我们的客户。如不希望再收到调查邮件，请<a href="{{unsubscribeLink}}" style="color:#6b7280">退订</a>。';

/** Built-in templates, used for every (kind, locale) no one has overridden. */
export const DEFAULT_TEMPLATES: Record<SendKind, Record<TemplateLocale, EmailTemplateBody>> = {
  invitation: {
    en: {
      subject: 'How did we do? {{surveyTitle}}',
      html: frame(
        'en',
        '<p>Dear {{name}},</p>\n<p>Thank you for choosing us for {{touchpoint}}. Would you take two minutes to tell us how it went? Your answers help us serve you better.</p>\n' +
          button('{{surveyLink}}', 'Start the survey') +
          '\n<p>Thank you,<br>The service team</p>',
        unsubscribeEn,
      ),
      text: 'Dear {{name}},\n\nThank you for choosing us for {{touchpoint}}. Would you take two minutes to tell us how it went? Your answers help us serve you better.\n\nStart the survey: {{surveyLink}}\n\nThank you,\nThe service team\n\n--\nUnsubscribe from survey emails: {{unsubscribeLink}}\n',
    },
    'zh-CN': {
      subject: '诚邀您评价我们的服务：{{surveyTitle}}',
      html: frame(
        'zh-CN',
        '<p>{{name}}，您好：</p>\n<p>感谢您近期体验我们的{{touchpoint}}。诚邀您花两分钟时间告诉我们您的体验，您的意见将帮助我们把服务做得更好。</p>\n' +
          button('{{surveyLink}}', '开始填写问卷') +
          '\n<p>谢谢！<br>客户服务团队</p>',
        unsubscribeZh,
      ),
      text: '{{name}}，您好：\n\n感谢您近期体验我们的{{touchpoint}}。诚邀您花两分钟时间告诉我们您的体验，您的意见将帮助我们把服务做得更好。\n\n开始填写问卷：{{surveyLink}}\n\n谢谢！\n客户服务团队\n\n--\n退订调查邮件：{{unsubscribeLink}}\n',
    },
  },
  reminder: {
    en: {
      subject: 'A gentle reminder: {{surveyTitle}}',
      html: frame(
        'en',
        '<p>Dear {{name}},</p>\n<p>A few days ago we asked how your experience with {{touchpoint}} went. If you have a moment, we would still love to hear from you.</p>\n' +
          button('{{surveyLink}}', 'Answer the survey') +
          '\n<p>If you have already answered, thank you, and please ignore this message.</p>\n<p>The service team</p>',
        unsubscribeEn,
      ),
      text: 'Dear {{name}},\n\nA few days ago we asked how your experience with {{touchpoint}} went. If you have a moment, we would still love to hear from you.\n\nAnswer the survey: {{surveyLink}}\n\nIf you have already answered, thank you, and please ignore this message.\n\nThe service team\n\n--\nUnsubscribe from survey emails: {{unsubscribeLink}}\n',
    },
    'zh-CN': {
      subject: '温馨提醒：{{surveyTitle}}',
      html: frame(
        'zh-CN',
        '<p>{{name}}，您好：</p>\n<p>前几天我们邀请您评价在{{touchpoint}}环节的体验。如您方便，我们仍然非常期待听到您的意见。</p>\n' +
          button('{{surveyLink}}', '填写问卷') +
          '\n<p>如您已填写，衷心感谢，请忽略本邮件。</p>\n<p>客户服务团队</p>',
        unsubscribeZh,
      ),
      text: '{{name}}，您好：\n\n前几天我们邀请您评价在{{touchpoint}}环节的体验。如您方便，我们仍然非常期待听到您的意见。\n\n填写问卷：{{surveyLink}}\n\n如您已填写，衷心感谢，请忽略本邮件。\n\n客户服务团队\n\n--\n退订调查邮件：{{unsubscribeLink}}\n',
    },
  },
  'follow-up-ack': {
    en: {
      subject: 'We are sorry we let you down',
      html: frame(
        'en',
        '<p>Dear {{name}},</p>\n<p>Thank you for your honest feedback on {{touchpoint}}. We are sorry your experience fell short of what you expected.</p>\n<p>A member of our team has been told and will look into what happened. If you would like to tell us more, simply reply to this email.</p>\n<p>With apologies,<br>The service team</p>',
        unsubscribeEn,
      ),
      text: 'Dear {{name}},\n\nThank you for your honest feedback on {{touchpoint}}. We are sorry your experience fell short of what you expected.\n\nA member of our team has been told and will look into what happened. If you would like to tell us more, simply reply to this email.\n\nWith apologies,\nThe service team\n\n--\nUnsubscribe from survey emails: {{unsubscribeLink}}\n',
    },
    'zh-CN': {
      subject: '抱歉，这次的服务没有让您满意',
      html: frame(
        'zh-CN',
        '<p>{{name}}，您好：</p>\n<p>感谢您就{{touchpoint}}提出的真实反馈。很抱歉这次的体验没有达到您的期望。</p>\n<p>我们已通知相关负责同事，他们会尽快了解情况并跟进处理。如您还有其他意见，欢迎直接回复本邮件。</p>\n<p>再次致歉！<br>客户服务团队</p>',
        unsubscribeZh,
      ),
      text: '{{name}}，您好：\n\n感谢您就{{touchpoint}}提出的真实反馈。很抱歉这次的体验没有达到您的期望。\n\n我们已通知相关负责同事，他们会尽快了解情况并跟进处理。如您还有其他意见，欢迎直接回复本邮件。\n\n再次致歉！\n客户服务团队\n\n--\n退订调查邮件：{{unsubscribeLink}}\n',
    },
  },
  // A digest: one email per touchpoint and owner per FOLLOW_UP_DIGEST_MS, listing what matched in it.
  'follow-up-owner': {
    en: {
      subject: 'Follow-up needed: low scores at {{touchpoint}} ({{count}})',
      html: frame(
        'en',
        '<p>{{count}} customers gave <strong>{{touchpoint}}</strong> a low score that needs a follow-up ({{windowStart}} to {{windowEnd}}).</p>\n' +
          '<div style="white-space:pre-line;font-size:14px">{{responses}}</div>\n<p>{{more}}</p>\n' +
          button('{{listLink}}', 'Open the dashboard') +
          '\n<p>Mark each follow-up as done once you have reached the customer.</p>',
      ),
      text: '{{count}} customers gave {{touchpoint}} a low score that needs a follow-up ({{windowStart}} to {{windowEnd}}).\n\n{{responses}}\n{{more}}\n\nOpen the dashboard: {{listLink}}\n\nMark each follow-up as done once you have reached the customer.\n',
    },
    'zh-CN': {
      subject: '需跟进：{{touchpoint}}收到 {{count}} 条低分评价',
      html: frame(
        'zh-CN',
        '<p>{{windowStart}} 至 {{windowEnd}}，<strong>{{touchpoint}}</strong>共收到 {{count}} 条需要您跟进的低分评价。</p>\n' +
          '<div style="white-space:pre-line;font-size:14px">{{responses}}</div>\n<p>{{more}}</p>\n' +
          button('{{listLink}}', '打开仪表盘') +
          '\n<p>联系客户后，请将相应跟进标记为已完成。</p>',
      ),
      text: '{{windowStart}} 至 {{windowEnd}}，{{touchpoint}}共收到 {{count}} 条需要您跟进的低分评价。\n\n{{responses}}\n{{more}}\n\n打开仪表盘：{{listLink}}\n\n联系客户后，请将相应跟进标记为已完成。\n',
    },
  },
  'target-alert': {
    en: {
      subject: '{{touchpoint}}: {{metric}} {{status}} ({{value}} against a target of {{target}})',
      html: frame(
        'en',
        '<p>The {{metric}} of <strong>{{touchpoint}}</strong> for {{period}} is {{value}}; the target is {{target}} ({{status}}).</p>\n' +
          button('{{dashboardLink}}', 'Open the dashboard'),
      ),
      text: 'The {{metric}} of {{touchpoint}} for {{period}} is {{value}}; the target is {{target}} ({{status}}).\n\nOpen the dashboard: {{dashboardLink}}\n',
    },
    'zh-CN': {
      subject: '{{touchpoint}}：{{metric}}{{status}}（实际 {{value}}，目标 {{target}}）',
      html: frame(
        'zh-CN',
        '<p><strong>{{touchpoint}}</strong>在{{period}}的{{metric}}为 {{value}}，目标为 {{target}}（{{status}}）。</p>\n' +
          button('{{dashboardLink}}', '查看仪表盘'),
      ),
      text: '{{touchpoint}}在{{period}}的{{metric}}为 {{value}}，目标为 {{target}}（{{status}}）。\n\n查看仪表盘：{{dashboardLink}}\n',
    },
  },
  'webhook-failing': {
    en: {
      subject: 'Webhook failing: {{endpoint}}',
      html: frame(
        'en',
        '<p>Touchpoint could not deliver an event to the webhook endpoint <strong>{{endpoint}}</strong> after retrying for about a day: {{reason}}.</p>\n' +
          '<p>The endpoint is marked failing until a delivery succeeds. Check the receiver, then redeliver the failed events.</p>\n' +
          button('{{webhooksLink}}', 'Open the webhooks'),
      ),
      text: 'Touchpoint could not deliver an event to the webhook endpoint {{endpoint}} after retrying for about a day: {{reason}}.\n\nThe endpoint is marked failing until a delivery succeeds. Check the receiver, then redeliver the failed events: {{webhooksLink}}\n',
    },
    'zh-CN': {
      subject: 'Webhook 投递失败：{{endpoint}}',
      html: frame(
        'zh-CN',
        '<p>Touchpoint 重试约一天后仍无法向 Webhook 端点 <strong>{{endpoint}}</strong> 投递事件：{{reason}}。</p>\n' +
          '<p>在投递成功之前，该端点将标记为失败。请检查接收方，然后重新投递失败的事件。</p>\n' +
          button('{{webhooksLink}}', '查看 Webhook'),
      ),
      text: 'Touchpoint 重试约一天后仍无法向 Webhook 端点 {{endpoint}} 投递事件：{{reason}}。\n\n在投递成功之前，该端点将标记为失败。请检查接收方，然后重新投递失败的事件：{{webhooksLink}}\n',
    },
  },
  'case-escalation': {
    en: {
      subject: 'Case {{caseRef}} is overdue: {{stage}} ({{priority}})',
      html: frame(
        'en',
        '<p>Case <strong>{{caseRef}}</strong> ({{summary}}) at {{touchpoint}} is past its {{stage}} target, due {{dueAt}}. You receive this as {{level}}.</p>\n' +
          button('{{caseLink}}', 'Open the case'),
      ),
      text: 'Case {{caseRef}} ({{summary}}) at {{touchpoint}} is past its {{stage}} target, due {{dueAt}}. You receive this as {{level}}.\n\nOpen the case: {{caseLink}}\n',
    },
    'zh-CN': {
      subject: '工单 {{caseRef}} 已超时：{{stage}}（{{priority}}）',
      html: frame(
        'zh-CN',
        '<p>{{touchpoint}}的工单 <strong>{{caseRef}}</strong>（{{summary}}）已超过{{stage}}时限（应于 {{dueAt}} 完成）。您作为{{level}}收到此邮件。</p>\n' +
          button('{{caseLink}}', '查看工单'),
      ),
      text: '{{touchpoint}}的工单 {{caseRef}}（{{summary}}）已超过{{stage}}时限（应于 {{dueAt}} 完成）。您作为{{level}}收到此邮件。\n\n查看工单：{{caseLink}}\n',
    },
  },
  'case-acknowledged': {
    en: {
      subject: 'We have received your case {{caseRef}}',
      html: frame(
        'en',
        '<p>Dear {{name}},</p>\n<p>Thank you for telling us about <strong>{{summary}}</strong> at {{touchpoint}}. Your case number is <strong>{{caseRef}}</strong>, and a member of our team is now looking into it.</p>\n<p>You can follow the case and write to us on its page, without signing in:</p>\n' +
          button('{{replyLink}}', 'Open your case') +
          '\n<p>The service team</p>',
      ),
      text: 'Dear {{name}},\n\nThank you for telling us about "{{summary}}" at {{touchpoint}}. Your case number is {{caseRef}}, and a member of our team is now looking into it.\n\nYou can follow the case and write to us on its page, without signing in: {{replyLink}}\n\nThe service team\n',
    },
    'zh-CN': {
      subject: '我们已受理您的工单 {{caseRef}}',
      html: frame(
        'zh-CN',
        '<p>{{name}}，您好：</p>\n<p>感谢您告诉我们在{{touchpoint}}遇到的问题：<strong>{{summary}}</strong>。您的工单号为 <strong>{{caseRef}}</strong>，我们的工作人员正在处理。</p>\n<p>您无需登录即可在工单页面查看进展并给我们留言：</p>\n' +
          button('{{replyLink}}', '查看工单') +
          '\n<p>客户服务团队</p>',
      ),
      text: '{{name}}，您好：\n\n感谢您告诉我们在{{touchpoint}}遇到的问题：“{{summary}}”。您的工单号为 {{caseRef}}，我们的工作人员正在处理。\n\n您无需登录即可在工单页面查看进展并给我们留言：{{replyLink}}\n\n客户服务团队\n',
    },
  },
  'case-answer': {
    en: {
      subject: 'Re: your case {{caseRef}}',
      html: frame(
        'en',
        '<p>Dear {{name}},</p>\n<p>About your case <strong>{{caseRef}}</strong> ({{summary}}), our team writes:</p>\n<blockquote style="margin:16px 0;padding:8px 16px;border-left:4px solid #2563eb;white-space:pre-wrap">{{message}}</blockquote>\n<p>To answer, open the case page (no sign-in needed):</p>\n' +
          button('{{replyLink}}', 'Reply') +
          '\n<p>The service team</p>',
      ),
      text: 'Dear {{name}},\n\nAbout your case {{caseRef}} ({{summary}}), our team writes:\n\n{{message}}\n\nTo answer, open the case page (no sign-in needed): {{replyLink}}\n\nThe service team\n',
    },
    'zh-CN': {
      subject: '回复：您的工单 {{caseRef}}',
      html: frame(
        'zh-CN',
        '<p>{{name}}，您好：</p>\n<p>关于您的工单 <strong>{{caseRef}}</strong>（{{summary}}），我们的工作人员回复如下：</p>\n<blockquote style="margin:16px 0;padding:8px 16px;border-left:4px solid #2563eb;white-space:pre-wrap">{{message}}</blockquote>\n<p>如需回复，请打开工单页面（无需登录）：</p>\n' +
          button('{{replyLink}}', '回复') +
          '\n<p>客户服务团队</p>',
      ),
      text: '{{name}}，您好：\n\n关于您的工单 {{caseRef}}（{{summary}}），我们的工作人员回复如下：\n\n{{message}}\n\n如需回复，请打开工单页面（无需登录）：{{replyLink}}\n\n客户服务团队\n',
    },
  },
  'case-resolved': {
    en: {
      subject: 'Your case {{caseRef}} is resolved: was it?',
      html: frame(
        'en',
        '<p>Dear {{name}},</p>\n<p>We have resolved your case <strong>{{caseRef}}</strong> ({{summary}}). Was it resolved for you? One click tells us, and how we handled it; a "no" reopens the case.</p>\n' +
          button('{{feedbackLink}}', 'Tell us') +
          '\n<p>The service team</p>',
      ),
      text: 'Dear {{name}},\n\nWe have resolved your case {{caseRef}} ({{summary}}). Was it resolved for you? Tell us, and how we handled it; a "no" reopens the case: {{feedbackLink}}\n\nThe service team\n',
    },
    'zh-CN': {
      subject: '您的工单 {{caseRef}} 已处理完毕，问题解决了吗？',
      html: frame(
        'zh-CN',
        '<p>{{name}}，您好：</p>\n<p>您的工单 <strong>{{caseRef}}</strong>（{{summary}}）已处理完毕。您的问题解决了吗？请告诉我们，并为我们的处理打分；如选择“未解决”，工单将重新打开。</p>\n' +
          button('{{feedbackLink}}', '告诉我们') +
          '\n<p>客户服务团队</p>',
      ),
      text: '{{name}}，您好：\n\n您的工单 {{caseRef}}（{{summary}}）已处理完毕。您的问题解决了吗？请告诉我们，并为我们的处理打分；如选择“未解决”，工单将重新打开：{{feedbackLink}}\n\n客户服务团队\n',
    },
  },
  'action-reminder': {
    en: {
      subject: '{{item}} is {{status}}: {{action}}',
      html: frame(
        'en',
        '<p>{{item}} of the improvement action <strong>{{action}}</strong> at {{touchpoint}} is {{status}} (due {{dueOn}}).</p>\n' +
          button('{{actionLink}}', 'Open the action'),
      ),
      text: '{{item}} of the improvement action "{{action}}" at {{touchpoint}} is {{status}} (due {{dueOn}}).\n\nOpen the action: {{actionLink}}\n',
    },
    'zh-CN': {
      subject: '{{item}}{{status}}：{{action}}',
      html: frame(
        'zh-CN',
        '<p>{{touchpoint}}的改进措施<strong>{{action}}</strong>中，{{item}}{{status}}（截止日期 {{dueOn}}）。</p>\n' +
          button('{{actionLink}}', '查看改进措施'),
      ),
      text: '{{touchpoint}}的改进措施“{{action}}”中，{{item}}{{status}}（截止日期 {{dueOn}}）。\n\n查看改进措施：{{actionLink}}\n',
    },
  },
  'action-verdict': {
    en: {
      subject: 'Check of {{action}}: the effect is measured',
      html: frame(
        'en',
        '<p>The check window of the improvement action <strong>{{action}}</strong> at {{touchpoint}} has closed. Baseline {{baseline}}; check {{checkWindow}}.</p>\n' +
          '<div style="white-space:pre-line;font-size:14px">{{verdicts}}</div>\n' +
          '<p>Adopt the change as the standard, or iterate with a new cycle.</p>\n' +
          button('{{actionLink}}', 'Open the action'),
      ),
      text: 'The check window of the improvement action "{{action}}" at {{touchpoint}} has closed. Baseline {{baseline}}; check {{checkWindow}}.\n\n{{verdicts}}\n\nAdopt the change as the standard, or iterate with a new cycle: {{actionLink}}\n',
    },
    'zh-CN': {
      subject: '改进措施效果检查：{{action}}',
      html: frame(
        'zh-CN',
        '<p>{{touchpoint}}的改进措施<strong>{{action}}</strong>的检查期已结束。基线期 {{baseline}}；检查期 {{checkWindow}}。</p>\n' +
          '<div style="white-space:pre-line;font-size:14px">{{verdicts}}</div>\n' +
          '<p>请决定将此改进纳入标准，或开启新一轮改进。</p>\n' +
          button('{{actionLink}}', '查看改进措施'),
      ),
      text: '{{touchpoint}}的改进措施“{{action}}”的检查期已结束。基线期 {{baseline}}；检查期 {{checkWindow}}。\n\n{{verdicts}}\n\n请决定将此改进纳入标准，或开启新一轮改进：{{actionLink}}\n',
    },
  },
  'service-report': {
    en: {
      subject: '{{reportName}}: service report for {{period}}',
      html: frame(
        'en',
        '<p>Your service report <strong>{{reportName}}</strong> for {{period}} is ready.</p>\n' +
          '<p><strong>Headline scores</strong> (95% intervals)</p>\n<div style="white-space:pre-line;font-size:14px">{{headline}}</div>\n' +
          '<p><strong>Significant changes</strong></p>\n<div style="white-space:pre-line;font-size:14px">{{movers}}</div>\n' +
          '<p><strong>Case handling</strong></p>\n<div style="white-space:pre-line;font-size:14px">{{cases}}</div>\n' +
          '<p><strong>Improvement actions</strong></p>\n<p style="font-size:14px">{{actions}}</p>\n' +
          '<p><strong>Top comment themes</strong></p>\n<div style="white-space:pre-line;font-size:14px">{{themes}}</div>\n' +
          button('{{reportLink}}', 'Open the full report'),
      ),
      text: 'Your service report {{reportName}} for {{period}} is ready.\n\nHeadline scores (95% intervals)\n{{headline}}\n\nSignificant changes\n{{movers}}\n\nCase handling\n{{cases}}\n\nImprovement actions\n{{actions}}\n\nTop comment themes\n{{themes}}\n\nOpen the full report: {{reportLink}}\n',
    },
    'zh-CN': {
      subject: '{{reportName}}：{{period}} 服务报告',
      html: frame(
        'zh-CN',
        '<p>您的服务报告<strong>{{reportName}}</strong>（{{period}}）已生成。</p>\n' +
          '<p><strong>主要得分</strong>（95% 置信区间）</p>\n<div style="white-space:pre-line;font-size:14px">{{headline}}</div>\n' +
          '<p><strong>显著变化</strong></p>\n<div style="white-space:pre-line;font-size:14px">{{movers}}</div>\n' +
          '<p><strong>工单处理</strong></p>\n<div style="white-space:pre-line;font-size:14px">{{cases}}</div>\n' +
          '<p><strong>改进措施</strong></p>\n<p style="font-size:14px">{{actions}}</p>\n' +
          '<p><strong>评论主要主题</strong></p>\n<div style="white-space:pre-line;font-size:14px">{{themes}}</div>\n' +
          button('{{reportLink}}', '查看完整报告'),
      ),
      text: '您的服务报告{{reportName}}（{{period}}）已生成。\n\n主要得分（95% 置信区间）\n{{headline}}\n\n显著变化\n{{movers}}\n\n工单处理\n{{cases}}\n\n改进措施\n{{actions}}\n\n评论主要主题\n{{themes}}\n\n查看完整报告：{{reportLink}}\n',
    },
  },
};

/** Sample values for previews, so an editor sees a realistic email. */
export const SAMPLE_VARS: Record<TemplateLocale, Record<string, string>> = {
  en: {
    name: 'Alex Chen', email: 'alex.chen@example.com', surveyTitle: 'After-sales satisfaction', touchpoint: 'After-sales service',
    surveyLink: 'https://touchpoint.example/s/after-sales?t=sample', unsubscribeLink: 'https://touchpoint.example/u/sample',
    responseLink: 'https://touchpoint.example/responses?survey=sample', reason: 'NPS 3 (at most 6)', score: '3',
    submittedAt: '2025-03-14 10:20', metric: 'NPS', value: '21', target: '30', period: 'March 2025', status: 'missed',
    dashboardLink: 'https://touchpoint.example/dashboard',
    count: '2', windowStart: '2025-03-14 10:15 UTC', windowEnd: '2025-03-14 10:30 UTC', listLink: 'https://touchpoint.example/dashboard',
    responses: '- 2025-03-14 10:20 UTC · NPS 3 (at most 6) · Alex Chen alex.chen@example.com · After-sales satisfaction\n  https://touchpoint.example/dashboard?survey=sample&response=1\n- 2025-03-14 10:24 UTC · CSAT 1 (at most 2) · anonymous customer · After-sales satisfaction\n  https://touchpoint.example/dashboard?survey=sample&response=2',
    more: '',
    endpoint: 'https://hooks.example.com/touchpoint', webhooksLink: 'https://touchpoint.example/webhooks',
    caseRef: 'C-000123', summary: 'Card blocked at the counter', priority: 'high', stage: 'acknowledge', level: 'team lead',
    dueAt: '2025-03-14 10:50 UTC', caseLink: 'https://touchpoint.example/cases/C-000123',
    replyLink: 'https://touchpoint.example/c/123-0-1742000000.sample', feedbackLink: 'https://touchpoint.example/c/123-0-1742000000.sample',
    message: 'We have unblocked your card; it works again from today.',
    action: 'Shorter queue at the counter', item: 'Task "Open a second counter at noon"', dueOn: '2025-03-20',
    actionLink: 'https://touchpoint.example/actions/sample', baseline: '2025-01-01 to 2025-01-30', checkWindow: '2025-03-01 to 2025-03-30',
    verdicts: '- CSAT mean: improved, 3.6 → 4.1, effect +0.5 (95% interval +0.3 to +0.7; n = 212 / 198)',
    reportName: 'Branches monthly service report', headline: '- Chaoyang branch: 212 responses; CSAT 4.3 (4.2–4.4) · NPS 41 (31–51)',
    movers: '- Chaoyang branch: NPS +12 (nps-difference-z, p = 0.012)', reportLink: 'https://touchpoint.example/reports/sample',
    cases: '- Chaoyang branch: 48 cases; SLA met 91.7%; first response p50 12.0 min; resolution p50 5.5 h',
    actions: '3 improvement actions due; 1 verdicts reached (1 improved)',
    themes: '- Waiting time: 37 comments (21.4% of those commented)',
  },
  'zh-CN': {
    name: '陈小明', email: 'xiaoming.chen@example.com', surveyTitle: '售后服务满意度调查', touchpoint: '售后服务',
    surveyLink: 'https://touchpoint.example/s/after-sales?t=sample', unsubscribeLink: 'https://touchpoint.example/u/sample',
    responseLink: 'https://touchpoint.example/responses?survey=sample', reason: 'NPS 3（不高于 6）', score: '3',
    submittedAt: '2025-03-14 10:20', metric: 'NPS', value: '21', target: '30', period: '2025 年 3 月', status: '未达标',
    dashboardLink: 'https://touchpoint.example/dashboard',
    count: '2', windowStart: '2025-03-14 10:15 UTC', windowEnd: '2025-03-14 10:30 UTC', listLink: 'https://touchpoint.example/dashboard',
    responses: '- 2025-03-14 10:20 UTC · NPS 3（不高于 6）· 陈小明 xiaoming.chen@example.com · 售后服务满意度调查\n  https://touchpoint.example/dashboard?survey=sample&response=1\n- 2025-03-14 10:24 UTC · CSAT 1（不高于 2）· 匿名客户 · 售后服务满意度调查\n  https://touchpoint.example/dashboard?survey=sample&response=2',
    more: '',
    endpoint: 'https://hooks.example.com/touchpoint', webhooksLink: 'https://touchpoint.example/webhooks',
    caseRef: 'C-000123', summary: '柜台办理时银行卡被冻结', priority: '高', stage: '受理', level: '团队负责人',
    dueAt: '2025-03-14 10:50 UTC', caseLink: 'https://touchpoint.example/cases/C-000123',
    replyLink: 'https://touchpoint.example/c/123-0-1742000000.sample', feedbackLink: 'https://touchpoint.example/c/123-0-1742000000.sample',
    message: '您的银行卡已解除冻结，今天起即可正常使用。',
    action: '缩短柜台排队时间', item: '任务“午间增开一个柜台”', dueOn: '2025-03-20',
    actionLink: 'https://touchpoint.example/actions/sample', baseline: '2025-01-01 至 2025-01-30', checkWindow: '2025-03-01 至 2025-03-30',
    verdicts: '- CSAT 平均分：改善，3.6 → 4.1，效果 +0.5（95% 区间 +0.3 至 +0.7；n = 212 / 198）',
    reportName: '分行月度服务报告', headline: '- 朝阳分行：212 份回复；CSAT 4.3（4.2–4.4）· NPS 41（31–51）',
    movers: '- 朝阳分行：NPS 变化 +12（nps-difference-z，p = 0.012）', reportLink: 'https://touchpoint.example/reports/sample',
    cases: '- 朝阳分行：48 个工单；SLA 达成 91.7%；首次响应中位数 12.0 min；解决中位数 5.5 h',
    actions: '3 项改进措施到期；1 项得出结论（1 项改善）',
    themes: '- 等待时间：37 条评论（占有评论回复的 21.4%）',
  },
};
