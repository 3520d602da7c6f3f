import type { Theme } from './theme.schema';
import { normalizeText, tokenize } from './tokenize';
import type { ChineseSegmenter } from './tokenize';

/**
 * How Chinese keywords match. `substring`: the keyword occurs anywhere in the text (segmenter-proof:
 * jieba keeps 服务态度 whole, ICU splits it; 排队 inside 排队排了 still counts). `word`: the keyword's
 * own segmentation occurs as consecutive words of the comment, like English phrases.
 */
export type ChineseMatch = 'substring' | 'word';

export interface CompileOptions {
  segmenter?: ChineseSegmenter;
  chineseMatch?: ChineseMatch;
}

interface Phrase {
  theme: number;
  rest: string[];
}

export interface CompiledThemes {
  keys: string[];
  /** First token of every keyword phrase → the themes and remaining tokens it starts. */
  byFirstToken: Map<string, Phrase[]>;
  /** Normalised Chinese keywords for substring matching, with their theme. */
  substrings: { text: string; theme: number }[];
  segmenter?: ChineseSegmenter;
}

/** Tokenises every keyword once so tagging a comment is one pass over its tokens. */
export function compileThemes(themes: readonly Theme[], options: CompileOptions = {}): CompiledThemes {
  const chineseMatch = options.chineseMatch ?? 'substring';
  const byFirstToken = new Map<string, Phrase[]>();
  const substrings: { text: string; theme: number }[] = [];
  const addPhrase = (keyword: string, theme: number): void => {
    const [first, ...rest] = tokenize(keyword, undefined, { segmenter: options.segmenter });
    if (first === undefined) return; // a keyword made only of stop words can never match
    const list = byFirstToken.get(first) ?? [];
    list.push({ theme, rest });
    byFirstToken.set(first, list);
  };
  themes.forEach((theme, index) => {
    for (const keyword of theme.keywords.en) addPhrase(keyword, index);
    for (const keyword of theme.keywords['zh-CN']) {
      if (chineseMatch === 'substring') substrings.push({ text: normalizeText(keyword), theme: index });
      else addPhrase(keyword, index);
    }
  });
  return { keys: themes.map((t) => t.key), byFirstToken, substrings, segmenter: options.segmenter };
}

/** Keys of the themes a comment is about, in theme order. Keywords of both languages apply to every comment. */
export function tagComment(text: string, compiled: CompiledThemes): string[] {
  const hit = new Set<number>();
  const tokens = tokenize(text, undefined, { segmenter: compiled.segmenter });
  tokens.forEach((token, i) => {
    for (const phrase of compiled.byFirstToken.get(token) ?? []) {
      if (hit.has(phrase.theme)) continue;
      if (phrase.rest.every((t, j) => tokens[i + 1 + j] === t)) hit.add(phrase.theme);
    }
  });
  if (compiled.substrings.length > 0) {
    const normalized = normalizeText(text);
    for (const { text: keyword, theme } of compiled.substrings) {
      if (!hit.has(theme) && normalized.includes(keyword)) hit.add(theme);
    }
  }
  return compiled.keys.filter((_, index) => hit.has(index));
}
