import type { Locale } from '../../i18n/locale';

/** The kiosk's few words, in the kiosk chunk so a customer's own page does not carry them. */
const en = {
  nextSoon: 'Thank you! The survey starts again for the next customer in a moment.',
  pending: 'Answers waiting to be sent: {n}. They are sent as soon as the connection is back.',
  offTitle: 'This kiosk is not set up',
  offBody: 'This tablet has no valid kiosk link, or staff have switched it off. Please ask a member of staff.',
};

export type KioskMessages = typeof en;

export const kioskMessages: Record<Locale, KioskMessages> = {
  en,
  'zh-CN': {
    nextSoon: '感谢您的反馈！稍后将为下一位顾客重新开始问卷。',
    pending: '等待发送的答案：{n} 份。网络恢复后将立即发送。',
    offTitle: '此自助终端尚未设置',
    offBody: '此平板没有有效的自助终端链接，或已被工作人员停用。请联系工作人员。',
  },
};
