import type { ClientSession, Model, Types } from 'mongoose';
import { commentTexts } from '@shared/themes/comment-text';
import type { SurveyDefinitionJson } from '@shared/survey-definition/walk-questions';
import { ResponseModel } from '../responses/response.model';
import { cachedPublishedDefinition } from '../surveys/survey-cache';
import type { ThemeTagger } from '../themes/theme.service';
import { CounterIncrements, bucketId, bucketsOf, type BucketKey, type FoldableResponse } from './bucket-increments';
import { COMMENTED, ThemeRollupModel } from './theme-rollup.model';

export type ThemeBucketKey = BucketKey & { theme: string };

/** A response as stored after its fold: `themes` is absent without a comment, else its tags (maybe none). */
export type TaggedResponse = FoldableResponse & { themes?: string[] | null };

export const themeBucketId = (key: { series: string; period: string; theme: string }) => `${bucketId(key)}|${key.theme}`;

/** The themes of a response's comments now; null when it has no comment. */
export async function tagResponse(response: FoldableResponse, tagger: ThemeTagger): Promise<string[] | null> {
  const definition = await cachedPublishedDefinition(response.surveyId.toString(), response.version);
  const comments = commentTexts((definition ?? {}) as SurveyDefinitionJson, (response.answers ?? {}) as Record<string, unknown>);
  return comments.length === 0 ? null : tagger.tag(comments);
}

/**
 * Theme rollup increments of a batch, and the tags to store on its responses: a commented response
 * counts in theme `*` and in each of its themes, in each of its 8 buckets, with the same increments
 * as in the bucket itself.
 */
export class ThemeIncrements extends CounterIncrements<ThemeBucketKey> {
  readonly tags = new Map<Types.ObjectId, string[] | null>();

  constructor() {
    super(ThemeRollupModel as unknown as Model<never>);
  }

  add(response: FoldableResponse, themes: readonly string[] | null | undefined, increments: Record<string, number>): void {
    if (!Array.isArray(themes)) return;
    for (const bucket of bucketsOf(response)) {
      for (const theme of [COMMENTED, ...themes]) {
        const key = { ...bucket, theme };
        this.addTo(themeBucketId(key), key, increments);
      }
    }
  }

  /** Stores a response's tags with this batch (null: it has no comment). */
  tag(response: FoldableResponse, themes: string[] | null): void {
    this.tags.set(response._id, themes);
  }

  /** Writes the stored tags and the theme rollups, in the caller's transaction. */
  async writeAll(session: ClientSession | null): Promise<void> {
    await this.writeTags(session);
    await this.write(session);
  }

  /** Writes the tags only (a re-tag replaces the theme rollups instead of adding to them). */
  async writeTags(session: ClientSession | null): Promise<void> {
    const operations = [...this.tags].map(([_id, themes]) => ({
      updateOne: { filter: { _id }, update: themes === null ? { $unset: { themes: 1 } } : { $set: { themes } } },
    }));
    if (operations.length > 0) await ResponseModel.bulkWrite(operations, { ordered: false, ...(session ? { session } : {}) });
  }
}
