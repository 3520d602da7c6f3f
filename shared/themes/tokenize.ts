import { CHINESE_STOP_WORDS, ENGLISH_STOP_WORDS } from './stop-words';

/** Splits a run of Chinese characters into words. Injectable so jieba or a test double can stand in. */
export type ChineseSegmenter = (han: string) => string[];

/** The runtime's ICU dictionary segmenter: no dependency, available in Node and every browser. */
export function intlSegmenter(): ChineseSegmenter {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  return (han) => Array.from(segmenter.segment(han), (s) => s.segment);
}

export interface TokenizeOptions {
  segmenter?: ChineseSegmenter;
  /** Keep stop words (keyword phrases are compiled without them, so both sides drop the same words). */
  keepStopWords?: boolean;
}

let defaultSegmenter: ChineseSegmenter | undefined;

// Han runs go to the segmenter; everything else is split into Latin/digit words. Doing the split
// ourselves keeps mixed comments ("APP老是闪退") working whatever the segmenter does with Latin text.
const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+(?:['’][a-z]+)*)/gu;
const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * NFKC folds full-width letters, digits and punctuation (ＡＰＰ，１２３) to their plain forms, so
 * comments typed with a Chinese IME tokenise like any other.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * Folds English inflections so "wait", "waits", "waited" and "waiting" meet, and "fees"/"fee",
 * "charged"/"charges". Deliberately tiny (not Porter): plural -s/-es/-ies, -ed, -ing, a doubled final
 * consonant and a silent final e. Over-folding is harmless because keywords go through the same function.
 */
export function stemEnglish(word: string): string {
  let w = word.replace(/['’]s$/u, '');
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  const suffix = /(ing|ed)$/.exec(w);
  if (suffix && /[aeiouy]/.test(w.slice(0, -suffix[0].length)) && w.length - suffix[0].length >= 3) {
    w = w.slice(0, -suffix[0].length);
    if (/([b-df-hj-kmnp-rtv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  }
  if (w.length > 3 && w.endsWith('e') && !w.endsWith('ee')) w = w.slice(0, -1);
  return w;
}

/**
 * Words of a comment in order: Chinese words from the segmenter, English words lower-cased and stemmed,
 * stop words, punctuation and emoji dropped. `locale` is accepted for API symmetry; the script of each
 * run decides how it is handled, because Chinese service feedback mixes in English ("APP", "VIP").
 */
export function tokenize(text: string, _locale?: string, options: TokenizeOptions = {}): string[] {
  const segment = options.segmenter ?? (defaultSegmenter ??= intlSegmenter());
  const keepStop = options.keepStopWords ?? false;
  const tokens: string[] = [];
  for (const match of normalizeText(text).matchAll(RUN)) {
    if (match[1] !== undefined) {
      for (const word of segment(match[1])) {
        if (!WORDLIKE.test(word)) continue;
        if (keepStop || !CHINESE_STOP_WORDS.has(word)) tokens.push(word);
      }
    } else if (match[2] !== undefined) {
      const word = match[2].replace(/’/g, "'");
      if (!keepStop && ENGLISH_STOP_WORDS.has(word)) continue;
      tokens.push(stemEnglish(word));
    }
  }
  return tokens;
}
