/**
 * Stop words dropped before matching and counting. Kept short on purpose: only words that carry no
 * topic in service feedback. Negators (not, 不, 没) are stop words too, so "not rude" tags staff
 * attitude — negation handling is out of scope here (a theme says what a comment is about, not its
 * polarity; the score of the response carries the polarity).
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if so of to in on at by for from with about as into than then too very ' +
    'i me my we our us you your he she it its they them their this that these those there here ' +
    'is am are was were be been being do does did done have has had having will would can could ' +
    'should may might must shall not no nor just also only really quite again all any some more most ' +
    'what which who when where why how up down out over under after before while because ' +
    "i'm it's don't didn't wasn't isn't can't won't"
  ).split(' '),
);

export const CHINESE_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '的 了 是 很 也 都 就 在 和 与 及 我 你 您 他 她 它 我们 你们 他们 这 那 这个 那个 这里 那里 ' +
    '有 一 个 着 过 吧 啊 呢 吗 呀 哦 嘛 太 非常 特别 比较 真 真的 还 又 被 把 让 给 对 说 要 会 能 ' +
    '去 来 到 上 下 不 没 没有 就是 但是 但 而且 所以 因为 如果 还是 一下 一点 有点 什么 怎么 得 地'
  ).split(' '),
);
