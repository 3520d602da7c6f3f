// Tags the labelled sample with the default themes under each segmenter and Chinese matching mode and
// prints precision/recall/F1 per theme and language, plus segmentation speed: `npm run themes:eval`.
import { readFileSync } from 'node:fs';
import { cut } from 'jieba-wasm';
import { DEFAULT_THEMES } from '../../shared/themes/default-themes';
import type { ChineseMatch } from '../../shared/themes/tag-comments';
import { measureTagging } from '../../shared/themes/tagging-quality';
import type { LabelledComment, Quality } from '../../shared/themes/tagging-quality';
import { intlSegmenter, tokenize } from '../../shared/themes/tokenize';
import type { ChineseSegmenter } from '../../shared/themes/tokenize';

const sample = JSON.parse(readFileSync(new URL('./labelled-comments.json', import.meta.url), 'utf8')) as LabelledComment[];
const segmenters: Record<string, ChineseSegmenter> = { intl: intlSegmenter(), jieba: (han) => cut(han, true) };
const modes: ChineseMatch[] = ['word', 'substring'];
const pct = (q: Quality): string => `P ${(q.precision * 100).toFixed(1)}  R ${(q.recall * 100).toFixed(1)}  F1 ${(q.f1 * 100).toFixed(1)}`;

for (const [name, segmenter] of Object.entries(segmenters)) {
  for (const chineseMatch of modes) {
    console.log(`\n== segmenter ${name}, Chinese keywords by ${chineseMatch}`);
    for (const lang of ['zh-CN', 'en', 'mixed', 'all']) {
      const subset = lang === 'all' ? sample : sample.filter((c) => c.lang === lang);
      const { overall, perTheme } = measureTagging(subset, DEFAULT_THEMES, { segmenter, chineseMatch });
      console.log(`  ${lang.padEnd(6)} n=${String(subset.length).padStart(3)}  ${pct(overall)}`);
      if (lang === 'all') for (const [key, q] of perTheme) console.log(`    ${key.padEnd(16)} ${pct(q)}`);
    }
  }
}

// Speed: tokenising the Chinese and mixed comments repeatedly, after a warm-up.
const chinese = sample.filter((c) => c.lang !== 'en').map((c) => c.text);
const rounds = 200;
const speeds: Record<string, number> = {};
for (const [name, segmenter] of Object.entries(segmenters)) {
  for (const text of chinese) tokenize(text, undefined, { segmenter });
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const text of chinese) tokenize(text, undefined, { segmenter });
  speeds[name] = (rounds * chinese.length) / ((performance.now() - start) / 1000);
  console.log(`\nspeed ${name}: ${Math.round(speeds[name]).toLocaleString('en')} comments/s`);
}
console.log(`speed ratio intl/jieba: ${(speeds.intl! / speeds.jieba!).toFixed(2)}`);
