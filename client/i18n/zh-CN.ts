import type { Messages } from './en';

/** Staff UI messages in Simplified Chinese. */
export const zhCN: Messages = {
  'app.name': 'Touchpoint',
  'app.loading': '正在加载…',
  'app.skipToContent': '跳到主要内容',
  'app.retry': '重试',

  'error.network': '无法连接到服务器。请检查网络连接后重试。',
  'error.unexpected': '出现问题，请重试。',

  'login.title': '登录 Touchpoint',
  'login.intro': '为您的团队提供服务质量反馈。',
  'login.email': '电子邮箱',
  'login.password': '密码',
  'login.submit': '登录',
  'login.submitting': '正在登录…',
  'login.failed': '登录失败',
  'login.invalidInput': '请输入有效的电子邮箱地址和密码。',

  'header.language': '语言',
  'header.signedInAs': '当前用户：{name}（{role}）',
  'header.logout': '退出登录',
  'header.logoutFailed': '退出登录失败，请重试。',

  'role.admin': '管理员',
  'role.designer': '问卷设计者',
  'role.analyst': '分析员',

  'nav.label': '主导航',
  'nav.home': '首页',
  'nav.dashboard': '仪表盘',
  'nav.surveys': '问卷',
  'nav.touchpoints': '接触点',
  'nav.contacts': '联系人',
  'nav.distributions': '分发',
  'nav.settings': '设置',

  'home.title': '欢迎，{name}',
  'home.intro': '请选择一个模块开始。',

  'section.comingSoon': '此模块正在建设中。',
  'section.loadFailed': '无法加载此模块。请刷新页面重试。',
  'dashboard.placeholder': '这里将显示得分与趋势：按接触点、渠道和时间段统计的 NPS、CSAT、CES 以及 SERVQUAL 差距。',
  'surveys.placeholder': '在问卷编辑器中创建和编辑问卷，为题目标注服务质量指标，并发布版本。',
  'touchpoints.placeholder': '定义客户旅程中的接触点及其发生的渠道。',
  'contacts.placeholder': '管理调查对象：导入联系人、划分群组并记录授权同意。',
  'distributions.placeholder': '通过电子邮件链接发送问卷、安排提醒并跟踪投递状态。',
  'settings.placeholder': '管理用户与角色、API 令牌以及系统设置。',

  'notFound.title': '页面不存在',
  'notFound.body': '{path} 处没有页面。',
  'forbidden.title': '无权访问',
  'forbidden.body': '您的角色不包含此模块。如有需要，请联系管理员。',
  'nav.backHome': '返回首页',
};
