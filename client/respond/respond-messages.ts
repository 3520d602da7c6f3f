import type { Locale } from '../i18n/locale';

/**
 * The respondent page's own few messages. Kept apart from the staff catalogs so the public bundle
 * carries no staff text.
 */
const en = {
  loading: 'Loading the survey…',
  notFoundTitle: 'Survey not found',
  notFoundBody: 'This survey does not exist or is no longer open. Please check the link you were given.',
  errorTitle: 'The survey could not be loaded',
  errorBody: 'Something went wrong on our side or with the connection. Please try again in a moment.',
  retry: 'Try again',
  documentTitle: 'Survey',
  restored: 'We restored the answers you gave earlier on this device.',
  sending: 'Sending your answers…',
  stillTrying: 'Still trying to send your answers… They are kept safe on this device; please leave this page open.',
  invalid: 'Some answers could not be accepted. Please check them and press Complete again.',
  tokenUsedTitle: 'You have already answered this survey',
  tokenUsedBody: 'This personal link has already been used to send answers, and each link can be used once. Thank you for your feedback!',
  tokenExpiredTitle: 'This link has expired',
  tokenExpiredBody: 'The personal link you used is no longer valid, so your answers could not be sent. We are sorry for the trouble.',
  tokenInvalidTitle: 'This link is not valid',
  tokenInvalidBody: 'The personal link you used does not belong to this survey. Please check the link you were given.',
  closedTitle: 'This survey has closed',
  closedBody: 'The survey stopped taking answers while you were filling it in, so your answers could not be sent. We are sorry.',
  honeypotLabel: 'Leave this field empty',
} satisfies Record<string, string>;

export type RespondMessages = Record<keyof typeof en, string>;

export const respondMessages: Record<Locale, RespondMessages> = {
  en,
  'zh-CN': {
    loading: '正在加载问卷…',
    notFoundTitle: '未找到问卷',
    notFoundBody: '该问卷不存在或已关闭。请检查您收到的链接。',
    errorTitle: '无法加载问卷',
    errorBody: '服务器或网络连接出现问题。请稍后重试。',
    retry: '重试',
    documentTitle: '问卷',
    restored: '已恢复您之前在此设备上填写的答案。',
    sending: '正在提交您的答案…',
    stillTrying: '仍在尝试提交您的答案…答案已安全保存在此设备上，请不要关闭此页面。',
    invalid: '部分答案未被接受。请检查后再次点击“完成”。',
    tokenUsedTitle: '您已填写过此问卷',
    tokenUsedBody: '此专属链接已用于提交答案，每个链接只能使用一次。感谢您的反馈！',
    tokenExpiredTitle: '链接已过期',
    tokenExpiredBody: '您使用的专属链接已失效，因此无法提交答案。给您带来不便，敬请谅解。',
    tokenInvalidTitle: '链接无效',
    tokenInvalidBody: '您使用的专属链接不属于此问卷。请检查您收到的链接。',
    closedTitle: '问卷已关闭',
    closedBody: '问卷在您填写期间已停止收集答案，因此无法提交您的答案。非常抱歉。',
    honeypotLabel: '请勿填写此栏',
  },
};
