// survey-core 3.0.0 ships its locale modules without typings; they only register strings on import.
declare module 'survey-core/i18n/simplified-chinese' {
  export const simplifiedChineseSurveyStrings: Record<string, string>;
}
