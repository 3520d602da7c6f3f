import type { ServqualDimension } from '../metric-vocabulary';

interface Wording {
  en: string;
  zh: string;
}

export interface ServqualStatement {
  dimension: ServqualDimension;
  expectation: Wording;
  perception: Wording;
}

/**
 * The 22 SERVQUAL statements of Parasuraman, Zeithaml & Berry (1988) in their positively worded form
 * (the 1991 refinement), so every item scores in the same direction; "XYZ" reads as "this service provider".
 */
export const SERVQUAL_STATEMENTS: readonly ServqualStatement[] = [
  {
    dimension: 'tangibles',
    expectation: { en: 'Excellent service providers will have modern-looking equipment.', zh: '卓越的服务机构会拥有现代化的设备。' },
    perception: { en: 'This service provider has modern-looking equipment.', zh: '该服务机构拥有现代化的设备。' },
  },
  {
    dimension: 'tangibles',
    expectation: {
      en: 'The physical facilities of excellent service providers will be visually appealing.',
      zh: '卓越的服务机构的场所设施会美观悦目。',
    },
    perception: { en: "This service provider's physical facilities are visually appealing.", zh: '该服务机构的场所设施美观悦目。' },
  },
  {
    dimension: 'tangibles',
    expectation: { en: 'Employees of excellent service providers will be neat in appearance.', zh: '卓越的服务机构的员工会仪表整洁。' },
    perception: { en: "This service provider's employees are neat in appearance.", zh: '该服务机构的员工仪表整洁。' },
  },
  {
    dimension: 'tangibles',
    expectation: {
      en: 'At excellent service providers, materials associated with the service (such as leaflets or statements) will be visually appealing.',
      zh: '在卓越的服务机构，与服务相关的资料（如宣传册、账单）会美观清晰。',
    },
    perception: {
      en: 'Materials associated with this service (such as leaflets or statements) are visually appealing.',
      zh: '与本服务相关的资料（如宣传册、账单）美观清晰。',
    },
  },
  {
    dimension: 'reliability',
    expectation: {
      en: 'When excellent service providers promise to do something by a certain time, they will do so.',
      zh: '卓越的服务机构承诺在某个时间前完成某事时，一定会按时做到。',
    },
    perception: {
      en: 'When this service provider promises to do something by a certain time, it does so.',
      zh: '该服务机构承诺在某个时间前完成某事时，能够按时做到。',
    },
  },
  {
    dimension: 'reliability',
    expectation: {
      en: 'When customers have a problem, excellent service providers will show a sincere interest in solving it.',
      zh: '客户遇到问题时，卓越的服务机构会真诚地帮助解决。',
    },
    perception: {
      en: 'When you have a problem, this service provider shows a sincere interest in solving it.',
      zh: '您遇到问题时，该服务机构真诚地帮助您解决。',
    },
  },
  {
    dimension: 'reliability',
    expectation: { en: 'Excellent service providers will perform the service right the first time.', zh: '卓越的服务机构会一次就把服务做好。' },
    perception: { en: 'This service provider performs the service right the first time.', zh: '该服务机构一次就把服务做好。' },
  },
  {
    dimension: 'reliability',
    expectation: {
      en: 'Excellent service providers will provide their services at the time they promise to do so.',
      zh: '卓越的服务机构会在承诺的时间提供服务。',
    },
    perception: { en: 'This service provider provides its services at the time it promises to do so.', zh: '该服务机构在承诺的时间提供服务。' },
  },
  {
    dimension: 'reliability',
    expectation: { en: 'Excellent service providers will insist on error-free records.', zh: '卓越的服务机构会坚持做到记录准确无误。' },
    perception: { en: 'This service provider insists on error-free records.', zh: '该服务机构坚持做到记录准确无误。' },
  },
  {
    dimension: 'responsiveness',
    expectation: {
      en: 'Employees of excellent service providers will tell customers exactly when services will be performed.',
      zh: '卓越的服务机构的员工会明确告知客户服务的具体时间。',
    },
    perception: {
      en: "This service provider's employees tell you exactly when services will be performed.",
      zh: '该服务机构的员工明确告知您服务的具体时间。',
    },
  },
  {
    dimension: 'responsiveness',
    expectation: { en: 'Employees of excellent service providers will give customers prompt service.', zh: '卓越的服务机构的员工会为客户提供及时的服务。' },
    perception: { en: "This service provider's employees give you prompt service.", zh: '该服务机构的员工为您提供及时的服务。' },
  },
  {
    dimension: 'responsiveness',
    expectation: {
      en: 'Employees of excellent service providers will always be willing to help customers.',
      zh: '卓越的服务机构的员工会始终乐于帮助客户。',
    },
    perception: { en: "This service provider's employees are always willing to help you.", zh: '该服务机构的员工始终乐于帮助您。' },
  },
  {
    dimension: 'responsiveness',
    expectation: {
      en: "Employees of excellent service providers will never be too busy to respond to customers' requests.",
      zh: '卓越的服务机构的员工再忙也会及时回应客户的请求。',
    },
    perception: {
      en: "This service provider's employees are never too busy to respond to your requests.",
      zh: '该服务机构的员工再忙也会及时回应您的请求。',
    },
  },
  {
    dimension: 'assurance',
    expectation: {
      en: 'The behavior of employees of excellent service providers will instill confidence in customers.',
      zh: '卓越的服务机构的员工的言行会让客户感到信赖。',
    },
    perception: { en: "The behavior of this service provider's employees instills confidence in you.", zh: '该服务机构员工的言行让您感到信赖。' },
  },
  {
    dimension: 'assurance',
    expectation: {
      en: 'Customers of excellent service providers will feel safe in their transactions.',
      zh: '客户在卓越的服务机构办理业务时会感到安心。',
    },
    perception: { en: 'You feel safe in your transactions with this service provider.', zh: '您在该服务机构办理业务时感到安心。' },
  },
  {
    dimension: 'assurance',
    expectation: {
      en: 'Employees of excellent service providers will be consistently courteous with customers.',
      zh: '卓越的服务机构的员工会始终以礼待客。',
    },
    perception: { en: "This service provider's employees are consistently courteous with you.", zh: '该服务机构的员工始终对您以礼相待。' },
  },
  {
    dimension: 'assurance',
    expectation: {
      en: "Employees of excellent service providers will have the knowledge to answer customers' questions.",
      zh: '卓越的服务机构的员工会具备解答客户问题的专业知识。',
    },
    perception: {
      en: "This service provider's employees have the knowledge to answer your questions.",
      zh: '该服务机构的员工具备解答您问题的专业知识。',
    },
  },
  {
    dimension: 'empathy',
    expectation: { en: 'Excellent service providers will give customers individual attention.', zh: '卓越的服务机构会关注每一位客户。' },
    perception: { en: 'This service provider gives you individual attention.', zh: '该服务机构对您给予个别关注。' },
  },
  {
    dimension: 'empathy',
    expectation: {
      en: 'Excellent service providers will have operating hours convenient to all their customers.',
      zh: '卓越的服务机构的营业时间会方便所有客户。',
    },
    perception: { en: 'This service provider has operating hours convenient to you.', zh: '该服务机构的营业时间对您来说很方便。' },
  },
  {
    dimension: 'empathy',
    expectation: {
      en: 'Excellent service providers will have employees who give customers personal attention.',
      zh: '卓越的服务机构会有员工为客户提供贴心的个人关照。',
    },
    perception: {
      en: 'This service provider has employees who give you personal attention.',
      zh: '该服务机构有员工为您提供贴心的个人关照。',
    },
  },
  {
    dimension: 'empathy',
    expectation: {
      en: "Excellent service providers will have their customers' best interests at heart.",
      zh: '卓越的服务机构会把客户的利益放在心上。',
    },
    perception: { en: 'This service provider has your best interests at heart.', zh: '该服务机构把您的利益放在心上。' },
  },
  {
    dimension: 'empathy',
    expectation: {
      en: 'The employees of excellent service providers will understand the specific needs of their customers.',
      zh: '卓越的服务机构的员工会了解客户的具体需求。',
    },
    perception: { en: "This service provider's employees understand your specific needs.", zh: '该服务机构的员工了解您的具体需求。' },
  },
];
