import type { SurveyLinkQuery, TaggedSurveyLink } from '@shared/channels/channel.schema';
import type { AppContext } from '../app-context';
import { Conflict, Invalid } from '../lib/errors';
import { signedSurveyLink } from '../surveys/survey-link';
import { getSurvey } from '../surveys/survey.service';

/**
 * The tagged (and signed) link of a published survey, for QR codes, printable cards and kiosk links;
 * 409 for a draft or archived survey, which no customer could answer. Unknown tags are refused (400)
 * and named where the caller read them (`query` or `body`).
 */
export async function surveyLinkFor(
  ctx: Pick<AppContext, 'auth' | 'publicUrl'>,
  surveyId: string,
  tags: SurveyLinkQuery,
  where: 'query' | 'body' = 'query',
): Promise<TaggedSurveyLink> {
  const survey = await getSurvey(surveyId);
  if (survey.status !== 'published' || survey.versions.length === 0) {
    throw new Conflict('Only a published survey has a link customers can answer; publish it first.', 'survey-not-published');
  }
  try {
    const link = await signedSurveyLink(ctx, { surveyId, ...tags });
    return { url: link.url, slug: link.slug, title: survey.title, touchpoint: link.touchpoint, channel: link.channel };
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    throw new Invalid(error.message, error.invalidParams?.map((param) => ({ ...param, name: param.name.replace(/^body\./, `${where}.`) })));
  }
}
