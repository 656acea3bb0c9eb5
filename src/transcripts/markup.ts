/**
 * Markdown and HTML markup that exports leave in a transcript's text: kramdown attribute lists
 * (`{: .text-yellow-000}`), links (the link text is kept), emphasis, backslash escapes and hard
 * line breaks, inline HTML tags and HTML entities (`&quot;`, `&#39;`). Line feeds are kept, so
 * line numbers hold.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  quot: '"', amp: '&', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', euro: '€',
  laquo: '«', raquo: '»', bdquo: '„', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', sbquo: '‚',
  shy: '', zwnj: '', eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç', copy: '©', deg: '°', middot: '·',
};

/** Decode one entity (`&quot;`, `&#39;`, `&#x27;`); an unknown one stays as written. */
function entity(whole: string, body: string): string {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff && code !== 0x0a ? String.fromCodePoint(code) : whole;
  }
  return ENTITIES[body] ?? whole;
}

/** Inline HTML tags that only style text. */
const INLINE_TAG = /<\/?(?:br|span|u|i|b|em|strong|sup|sub|mark|small|font|a)(?:\s[^<>\n]*)?\/?>/giu;

/** The text of a Markdown paragraph without its markup (see the module comment). */
export function cleanMarkdown(text: string): string {
  if (!/[&\\[*_<{]/u.test(text)) return text;
  return text
    .replace(/[ \t]*\\(?=\n|$)/gu, '')
    .replace(/\{:[^}\n]{0,80}\}/gu, '')
    .replace(/!?\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+"[^"\n]*")?\)/gu, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/gu, '$1')
    .replace(INLINE_TAG, '')
    .replace(/(^|[^\p{L}\p{N}*\\])\*\*(?=[^\s*])([^*\n]*?[^\s*\\])\*\*(?![\p{L}\p{N}*])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_\\])__(?=[^\s_])([^_\n]*?[^\s_\\])__(?![\p{L}\p{N}_])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}*\\])\*(?=[^\s*])([^*\n]*?[^\s*\\])?\*(?![\p{L}\p{N}*])/gu, (m, a: string, b: string | undefined) => (b === undefined ? m : a + b))
    .replace(/(^|[^\p{L}\p{N}_\\])_(?=[^\s_])([^_\n]*?[^\s_\\])?_(?![\p{L}\p{N}_])/gu, (m, a: string, b: string | undefined) => (b === undefined ? m : a + b))
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~"'])/gu, '$1')
    .replace(/&(#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z]{2,8});/gu, entity);
}
