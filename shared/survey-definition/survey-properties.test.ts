import { describe, expect, it } from 'vitest';
import { Model, Serializer } from 'survey-core';
import { registerTouchpointProperties } from './survey-properties';

describe('registerTouchpointProperties', () => {
  it('can run repeatedly without duplicating properties', () => {
    registerTouchpointProperties();
    registerTouchpointProperties();
    const names = Serializer.getPropertiesByObj({ getType: () => 'rating' }).map((property) => property.name);
    expect(names.filter((name) => name === 'metric')).toHaveLength(1);
  });

  it('offers each class only the metrics it can carry, so tooling shows the right choices', () => {
    registerTouchpointProperties();
    expect(Serializer.findProperty('rating', 'metric').choices).toEqual(['csat', 'nps', 'ces', 'servqual']);
    expect(Serializer.findProperty('radiogroup', 'metric').choices).toEqual(['kano']);
    expect(Serializer.findProperty('comment', 'metric').choices).toEqual(['comment']);
    expect(Serializer.findProperty('rating', 'dimension').choices).toContain('empathy');
    expect(Serializer.findProperty('radiogroup', 'kano').choices).toEqual(['functional', 'dysfunctional']);
    expect(Serializer.findProperty('checkbox', 'metric')).toBeFalsy();
  });

  it('keeps the custom properties through a SurveyJS JSON round trip', () => {
    registerTouchpointProperties();
    const json = {
      pages: [
        {
          name: 'page1',
          elements: [
            { type: 'rating', name: 'p1', metric: 'servqual', dimension: 'empathy', servqual: 'perception', item: 'empathy-1' },
            { type: 'radiogroup', name: 'k1', metric: 'kano', feature: 'wifi', kano: 'dysfunctional', choices: ['like'] },
            { type: 'comment', name: 'why', metric: 'comment' },
            { type: 'text', name: 'note', metric: 'comment' },
          ],
        },
      ],
    };
    const elements = new Model(json).toJSON().pages[0].elements;
    expect(elements[0]).toMatchObject({ metric: 'servqual', dimension: 'empathy', servqual: 'perception', item: 'empathy-1' });
    expect(elements[1]).toMatchObject({ metric: 'kano', feature: 'wifi', kano: 'dysfunctional' });
    expect(elements[2]).toMatchObject({ metric: 'comment' });
    expect(elements[3]).toMatchObject({ metric: 'comment' });
  });
});
