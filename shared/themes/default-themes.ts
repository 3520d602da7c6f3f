import type { Theme } from './theme.schema';

/** Starting theme set for service feedback (banks, hotels, clinics, shops, public service windows). */
export const DEFAULT_THEMES: readonly Theme[] = [
  {
    key: 'waiting',
    name: { en: 'Waiting time', 'zh-CN': '等待时间' },
    keywords: {
      en: ['wait', 'queue', 'line', 'slow', 'took forever', 'delay', 'hours', 'minutes', 'quick', 'fast'],
      'zh-CN': ['排队', '等待', '等了', '等候', '太慢', '很慢', '速度', '叫号', '快捷', '效率', '半天', '小时', '分钟'],
    },
  },
  {
    key: 'attitude',
    name: { en: 'Staff attitude', 'zh-CN': '服务态度' },
    keywords: {
      en: ['rude', 'friendly', 'polite', 'impolite', 'attitude', 'smile', 'patient', 'impatient', 'helpful', 'warm', 'courteous', 'ignored'],
      'zh-CN': ['态度', '热情', '耐心', '微笑', '礼貌', '冷漠', '不耐烦', '爱理不理', '友好', '周到', '贴心'],
    },
  },
  {
    key: 'professionalism',
    name: { en: 'Professionalism', 'zh-CN': '专业能力' },
    keywords: {
      en: ['professional', 'knowledgeable', 'expert', 'explained', 'competent', 'mistake', 'wrong', 'advice', 'diagnosis'],
      'zh-CN': ['专业', '业务', '解释', '讲解', '不懂', '出错', '错误', '水平', '经验', '诊断'],
    },
  },
  {
    key: 'price',
    name: { en: 'Price and fees', 'zh-CN': '价格收费' },
    keywords: {
      en: ['price', 'fee', 'charge', 'expensive', 'cheap', 'cost', 'overcharged', 'bill', 'value for money', 'refund'],
      'zh-CN': ['收费', '价格', '费用', '手续费', '贵', '便宜', '性价比', '乱收费', '多收', '退款', '价钱'],
    },
  },
  {
    key: 'environment',
    name: { en: 'Environment and cleanliness', 'zh-CN': '环境卫生' },
    keywords: {
      en: ['clean', 'dirty', 'noisy', 'noise', 'smell', 'tidy', 'comfortable', 'crowded', 'seat', 'bathroom', 'toilet', 'air conditioning'],
      'zh-CN': ['环境', '卫生', '干净', '整洁', '脏', '吵', '噪音', '异味', '拥挤', '座位', '厕所', '卫生间', '空调'],
    },
  },
  {
    key: 'process',
    name: { en: 'Process and paperwork', 'zh-CN': '办事流程' },
    keywords: {
      en: ['paperwork', 'form', 'document', 'procedure', 'process', 'complicated', 'bureaucracy', 'signature', 'requirement', 'counter'],
      'zh-CN': ['手续', '流程', '材料', '表格', '填表', '证明', '繁琐', '麻烦', '跑了', '签字', '复印件', '窗口'],
    },
  },
  {
    key: 'digital',
    name: { en: 'App and online service', 'zh-CN': '线上系统' },
    keywords: {
      en: ['app', 'online', 'website', 'system', 'login', 'crash', 'booking', 'appointment', 'mini program', 'password'],
      'zh-CN': ['系统', '网上', '线上', '小程序', '公众号', '闪退', '登录', '预约', '网站', '掉线', '验证码'],
    },
  },
  {
    key: 'parking',
    name: { en: 'Parking and access', 'zh-CN': '停车交通' },
    keywords: {
      en: ['parking', 'car park', 'park', 'garage', 'access', 'wheelchair', 'bus stop'],
      'zh-CN': ['停车', '车位', '停车场', '车库', '交通', '地铁', '无障碍'],
    },
  },
];
