import type { Document } from 'bson';

/**
 * Rewrites stages mingo gets wrong into equivalents it gets right, recursing into $facet and
 * $lookup/$unionWith sub-pipelines.
 *
 * `$bucket`: mingo 7.2 files a value equal to an inner boundary under the previous bucket and emits
 * empty buckets. MongoDB defines $bucket as a $group on the bucket's lower bound followed by a
 * $sort on _id, which is exactly what this produces.
 */
export function rewritePipeline(pipeline: readonly Document[]): Document[] {
  return pipeline.flatMap((stage): Document[] => {
    if ('$bucket' in stage) return bucketAsGroup(stage.$bucket as Document);
    if ('$facet' in stage) {
      const facets: Document = {};
      for (const [name, sub] of Object.entries(stage.$facet as Document)) facets[name] = rewritePipeline(sub as Document[]);
      return [{ $facet: facets }];
    }
    for (const key of ['$lookup', '$unionWith'] as const) {
      const spec = stage[key] as Document | undefined;
      if (spec && typeof spec === 'object' && Array.isArray(spec.pipeline)) {
        return [{ [key]: { ...spec, pipeline: rewritePipeline(spec.pipeline as Document[]) } }];
      }
    }
    return [stage];
  });
}

function bucketAsGroup(spec: Document): Document[] {
  const boundaries = spec.boundaries as unknown[];
  if (!Array.isArray(boundaries) || boundaries.length < 2) {
    throw new Error("$bucket requires 'boundaries' to be an array of at least two values");
  }
  const groupBy = spec.groupBy;
  const branches = boundaries.slice(0, -1).map((lower, i) => ({
    case: { $and: [{ $gte: [groupBy, lower] }, { $lt: [groupBy, boundaries[i + 1]] }] },
    then: lower,
  }));
  const $switch: Document = { branches };
  if (spec.default !== undefined) $switch.default = spec.default;
  const output = (spec.output as Document | undefined) ?? { count: { $sum: 1 } };
  return [{ $group: { _id: { $switch }, ...output } }, { $sort: { _id: 1 } }];
}
