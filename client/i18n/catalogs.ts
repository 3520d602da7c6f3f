import type { Locale } from './locale';
import type { Messages } from './en';
import { en } from './en';
import { zhCN } from './zh-CN';

/** Staff catalogs by locale; both are small, so they ship together and switching is instant. */
export const staffCatalogs: Record<Locale, Messages> = { en, 'zh-CN': zhCN };
