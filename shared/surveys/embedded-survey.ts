/**
 * Id of the JSON data block the server embeds the public survey in on `/s/:slug`. Apart from
 * public-survey.schema.ts so the respondent page finds the block without loading zod.
 */
export const EMBEDDED_SURVEY_ID = 'tp-survey';
