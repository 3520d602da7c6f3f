import { Aggregator } from 'mingo';
import { describe, expect, it } from 'vitest';
import { rewritePipeline } from './pipeline-rewrite';

const docs = [{ v: 0 }, { v: 10 }, { v: 19 }, { v: 20 }, { v: 50 }, { v: 99 }, { v: 100 }, { v: -1 }];
const run = (pipeline: object[]) => new Aggregator(rewritePipeline(pipeline), {}).run(docs);

describe('rewritePipeline: $bucket', () => {
  it('files boundary values under the bucket they open and omits empty buckets', () => {
    const out = run([{ $bucket: { groupBy: '$v', boundaries: [0, 10, 20, 60, 70, 100], default: 'out', output: { vs: { $push: '$v' } } } }]);
    expect(out).toEqual([
      { _id: 0, vs: [0] },
      { _id: 10, vs: [10, 19] },
      { _id: 20, vs: [20, 50] },
      { _id: 70, vs: [99] },
      { _id: 'out', vs: [100, -1] },
    ]);
  });

  it('defaults the output to a count', () => {
    expect(run([{ $match: { v: { $gte: 0, $lt: 100 } } }, { $bucket: { groupBy: '$v', boundaries: [0, 50, 100] } }])).toEqual([
      { _id: 0, count: 4 },
      { _id: 50, count: 2 },
    ]);
  });

  it('rewrites inside $facet and $lookup pipelines', () => {
    const rewritten = rewritePipeline([
      { $facet: { a: [{ $bucket: { groupBy: '$v', boundaries: [0, 1] } }] } },
      { $lookup: { from: 'x', pipeline: [{ $bucket: { groupBy: '$v', boundaries: [0, 1] } }], as: 'y' } },
    ]);
    expect(JSON.stringify(rewritten)).not.toContain('$bucket');
  });
});
