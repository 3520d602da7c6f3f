import { describe, expect, it } from 'vitest';
import { groupIssues, issuesFromInvalidParams } from './contract-issues';
import { summarizeChanges } from './change-summary';
import { readDefinitionFile } from './definition-file';

const definition = {
  pages: [{ name: 'p', elements: [{ type: 'rating', name: 'nps', title: { default: 'Recommend?', 'zh-cn': '推荐？' } }] }],
};

describe('issuesFromInvalidParams', () => {
  it('maps a server path back to the question, and keeps the rest general', () => {
    const issues = issuesFromInvalidParams(
      [
        { name: 'body.definition.pages.0.elements.0.rateMax', reason: 'Question "nps": wrong scale' },
        { name: 'body.title', reason: 'Too small' },
      ],
      definition,
    );
    expect(issues.map((issue) => issue.question)).toEqual(['nps', null]);
    const grouped = groupIssues(issues);
    expect(grouped.byQuestion.get('nps')).toEqual(['Question "nps": wrong scale']);
    expect(grouped.general).toEqual(['Too small']);
  });
});

describe('summarizeChanges', () => {
  it('names questions by their text in the UI language', () => {
    const summary = summarizeChanges({ added: ['nps'], removed: ['old'], changed: [], titleChanged: false }, { elements: [{ type: 'text', name: 'old', title: 'Old' }] }, definition, 'zh-CN');
    expect(summary).toEqual({ added: ['推荐？'], removed: ['Old'], changed: [], titleChanged: false, empty: false });
  });

  it('does not call the title changed on a first version', () => {
    expect(summarizeChanges({ added: [], removed: [], changed: [], titleChanged: true }, null, definition, 'en').titleChanged).toBe(false);
  });
});

describe('readDefinitionFile', () => {
  it('refuses text that is not JSON or not a survey', () => {
    expect(readDefinitionFile('{').kind).toBe('not-json');
    expect(readDefinitionFile('{"questions":[{"type":"text","name":"a"}]}').kind).toBe('not-a-survey');
  });

  it('accepts a survey and reports its contract issues', () => {
    const result = readDefinitionFile(JSON.stringify({ elements: [{ type: 'rating', name: 'n', metric: 'nps', rateMax: 5 }] }));
    expect(result.kind).toBe('ok');
    expect(result.kind === 'ok' && result.issues.length).toBeGreaterThan(0);
  });
});
