import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const FILE_LIKE = /^[\w.@-]+(\/[\w.@-]*)*$/;

/** The text of the README's "## Layout" section. */
function layoutSection(readme: string): string {
  const start = readme.indexOf('\n## Layout\n');
  if (start < 0) throw new Error('README.md has no "## Layout" section');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/**
 * The paths the section names, in reading order: the first column of its tree block, and every
 * backticked name with a folder or a file extension (`npm run ...`, URLs and identifiers are not paths).
 */
function namedPaths(section: string): string[] {
  const [, tree = ''] = /```\n([\s\S]*?)```/.exec(section) ?? [];
  const folders = tree.split('\n').flatMap((line) => /^(\S+\/)\s/.exec(line)?.[1] ?? []);
  const backticked = [...section.matchAll(/`([^`\s]+)`/g)].map((match) => match[1]!);
  return [...folders, ...backticked.filter((name) => FILE_LIKE.test(name) && (name.includes('/') || /\.\w+$/.test(name)))];
}

/**
 * Where each named path is: from the repository root, or, for a short name (`fold.service.ts` after
 * `server/scores/fold-lock.ts`, `lib/queue.ts`), from the folder of the path named last or one above it.
 * `<feature>`-style placeholders are skipped. Returns the names found nowhere.
 */
function missingPaths(names: string[]): string[] {
  let context = '.';
  const missing: string[] = [];
  for (const name of names) {
    if (name.includes('<')) continue;
    const candidates = [name];
    for (let dir = context; dir !== '.'; dir = path.dirname(dir)) candidates.push(path.join(dir, name));
    const found = candidates.find((candidate) => fs.existsSync(path.join(ROOT, candidate)));
    if (!found) {
      missing.push(name);
      continue;
    }
    context = fs.statSync(path.join(ROOT, found)).isDirectory() ? found.replace(/\/$/, '') : path.dirname(found);
  }
  return missing;
}

describe('README "Layout"', () => {
  const names = namedPaths(layoutSection(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')));

  it('names files and folders that exist', () => {
    expect(names.length).toBeGreaterThan(40);
    expect(missingPaths(names)).toEqual([]);
  });

  it('resolves a short name against the path named before it, not anywhere in the tree', () => {
    expect(missingPaths(['server/scores/fold-lock.ts', 'fold.service.ts', 'lib/queue.ts'])).toEqual([]);
    expect(missingPaths(['client/respond/RespondPage.tsx', 'fold.service.ts'])).toEqual(['fold.service.ts']);
  });
});
