import { distributionsWithUntaggedTokens, tagUntaggedTokens } from '../responses/response-token.service';
import { DistributionModel } from './distribution.model';

/**
 * Personal-link tokens issued before tokens carried their distribution's touchpoint and channel get them
 * from the distribution, so a response through such a link is filed like any other. Run at start-up
 * before routes serve links; a second run finds nothing. Returns how many tokens were tagged.
 */
export async function tagLegacyTokens(): Promise<number> {
  let tagged = 0;
  for (const distributionId of await distributionsWithUntaggedTokens()) {
    const distribution = await DistributionModel.findById(distributionId, { touchpoint: 1, channel: 1 }).lean();
    tagged += await tagUntaggedTokens(distributionId, { touchpoint: distribution?.touchpoint ?? null, channel: distribution?.channel ?? null });
  }
  return tagged;
}
