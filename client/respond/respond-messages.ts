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
  },
};

