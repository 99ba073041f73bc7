/**
 * Whether a statement says something a contractor can build or check against. A statement is
 * specific when it carries at least one anchor a generic sentence never has: a value (a number
 * that is not an id or a list ordinal), a literal (code, a quoted string), an identifier
 * (snake_case, dotted.name, camelCase, CONSTANT_CASE, a path or URL) or a proper name written
 * mid-sentence (Redis, ShipFast). Sentences without any ("Standard REST API with JSON.", "The
 * system must work correctly.", "Done when the feature is complete.") are filler: they could
 * stand in any spec, so they tell the reader nothing about this one. Upper-case acronyms alone
 * (REST, API, JSON) do not count: they name a kind of thing, not the thing.
 */

const CODE = /`[^`\n]+`/;
const QUOTED = /"[^"\n]{2,}"|“[^”\n]{2,}”|(?<!\w)'[^'\n\s][^'\n]+'(?!\w)/;
const IDENTIFIER = new RegExp([
  '\\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\\b', // snake_case
  '\\b[a-z][a-z0-9]*(?:\\.[a-z0-9_]+)+\\b', // dotted.name, file.ext (not "e.g")
  '\\b[a-z]+[A-Z][A-Za-z0-9]*\\b', // camelCase
  '\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b', // CONSTANT_CASE
  '(?:^|[\\s(])\\/[A-Za-z0-9_{}:.-]+(?:\\/[A-Za-z0-9_{}:.-]*)*', // /a/path
  '\\b[a-z][a-z0-9+.-]*:\\/\\/\\S+', // url
  '\\b[\\w.+-]+@[\\w-]+\\.[\\w.]+\\b', // email
].join('|'));
/**
 * What every IDENTIFIER alternative needs: an underscore, a slash or an at sign, a lower-case
 * letter before an upper-case one, or a dot between letters or digits. Most prose has none.
 */
const MAY_BE_IDENTIFIER = /[_/@]|[a-z][A-Z]|[a-z0-9]\.[a-z0-9_]/;
const DIGIT = /\d/;
/** Words that start clauses or are capitalised by convention rather than being names. */
const NOT_NAMES = new Set([
  'I', 'Given', 'When', 'Then', 'And', 'But', 'If', 'While', 'Where', 'The', 'A', 'An', 'Note', 'See', 'Example',
  'Input', 'Output', 'Inputs', 'Outputs', 'Done', 'Yes', 'No', 'OK', 'Ok',
]);
const ABBREVIATIONS = /\b(?:e\.g|i\.e|etc|vs|cf)\./gi;

export interface SpecificityOptions {
  /** Ids (REQ-1, AC-2) carry digits but are labels, not values: matches are removed first. */
  idPattern?: RegExp;
  /** Words of the document's title: naming the topic again says nothing new about it. */
  topic?: ReadonlySet<string>;
  /**
   * Whether plain words count: a description (context, scope, a done item) is specific when it
   * names three or more things that are neither generic nor its topic; a requirement or
   * criterion needs an anchor it can be checked against.
   */
  words?: boolean;
}

/**
 * Words any spec could use about anything: the system and its parts in general, the process
 * of building it, and judgements without a measure. A statement made only of these (and of
 * its topic's words) is filler, however long.
 */
const GENERIC = new Set([
  'system', 'systems', 'service', 'services', 'feature', 'features', 'functionality', 'application', 'app', 'platform',
  'component', 'components', 'solution', 'product', 'module', 'code', 'implementation', 'backend', 'frontend', 'user', 'users',
  'customer', 'customers', 'team', 'teams', 'stakeholders', 'data', 'information', 'things', 'stuff', 'everything',
  'anything', 'something', 'nothing', 'items', 'item', 'changes', 'change', 'work', 'works', 'working', 'worked',
  'complete', 'completed', 'done', 'finished', 'ready', 'tested', 'testing', 'tests', 'test', 'deployed', 'deploy',
  'deployment', 'released', 'release', 'implemented', 'implement', 'build', 'built', 'support', 'supports', 'supported',
  'handle', 'handles', 'handled', 'handling', 'manage', 'manages', 'managed', 'provide', 'provides', 'provided',
  'allow', 'allows', 'enable', 'enables', 'ensure', 'ensures', 'make', 'makes', 'sure', 'able', 'needed', 'required',
  'correct', 'correctly', 'properly', 'proper', 'appropriate', 'appropriately', 'expected', 'intended', 'standard',
  'standards', 'industry', 'usual', 'normal', 'normally', 'general', 'generally', 'common', 'best', 'practices',
  'practice', 'good', 'better', 'great', 'fine', 'well', 'nice', 'quality', 'high', 'highly', 'fast', 'quick',
  'quickly', 'slow', 'reliable', 'reliably', 'secure', 'securely', 'safe', 'scalable', 'available', 'availability',
  'robust', 'stable', 'efficient', 'efficiently', 'performant', 'performance', 'simple', 'easy', 'intuitive',
  'friendly', 'modern', 'flexible', 'seamless', 'seamlessly', 'smooth', 'smoothly', 'clean', 'regressions', 'regression',
  'issues', 'issue', 'problems', 'problem', 'errors', 'error', 'bugs', 'bug', 'cases', 'case', 'scenarios', 'way', 'ways',
  'also', 'should', 'must', 'shall', 'will', 'would', 'could', 'can', 'need', 'needs', 'have', 'has', 'been', 'being',
  'with', 'without', 'from', 'into', 'onto', 'that', 'this', 'these', 'those', 'there', 'their', 'they', 'them', 'then',
  'than', 'when', 'what', 'which', 'while', 'where', 'after', 'before', 'other', 'others', 'same', 'such', 'some', 'many',
  'more', 'most', 'less', 'very', 'much', 'each', 'every', 'both', 'only', 'just', 'like', 'related', 'relevant', 'based',
  'using', 'used', 'uses', 'following', 'follow', 'follows', 'according', 'part', 'parts', 'whole', 'entire', 'fully',
  'full', 'pass', 'passes', 'passing', 'fails', 'fail', 'succeed', 'success', 'successful', 'successfully', 'covered',
  'cover', 'everywhere', 'always', 'never', 'etc', 'our', 'your', 'ours', 'guidelines', 'approach', 'respected', 'applied',
  'saved', 'save', 'updated', 'update', 'reading', 'read', 'write', 'writes', 'updating', 'control', 'controls', 'want',
  'wants', 'more', 'receive', 'receives', 'thing', 'matter', 'needs', 'important', 'later', 'soon', 'time', 'level',
]);
/** How many non-generic content words make a plain-prose statement specific. */
const CONTENT_WORDS = 3;

/** The anchors of a statement; empty for filler. */
export function anchorsOf(text: string, options: SpecificityOptions = {}): string[] {
  const body = anchorBody(text, options);
  const anchors: string[] = [];
  const code = CODE.exec(body);
  if (code) anchors.push(code[0]);
  const withoutCode = body.replace(/`[^`\n]*`/g, ' ');
  const quoted = QUOTED.exec(withoutCode);
  if (quoted) anchors.push(quoted[0]);
  const identifier = IDENTIFIER.exec(withoutCode);
  if (identifier) anchors.push(identifier[0].trim());
  if (DIGIT.test(withoutCode)) anchors.push((/\S*\d\S*/.exec(withoutCode) ?? ['number'])[0]);
  const name = properName(withoutCode);
  if (name) anchors.push(name);
  if (anchors.length === 0 && options.words) {
    const words = contentWords(withoutCode, options.topic);
    if (words.length >= CONTENT_WORDS) anchors.push(words.slice(0, CONTENT_WORDS).join(' '));
  }
  return anchors;
}

/**
 * Whether the statement has any anchor: the same tests as anchorsOf, stopping at the first
 * that holds (the score asks this of every statement).
 */
export function isSpecific(text: string, options: SpecificityOptions = {}): boolean {
  const body = anchorBody(text, options);
  if (CODE.test(body)) return true;
  const withoutCode = body.replace(/`[^`\n]*`/g, ' ');
  if (DIGIT.test(withoutCode) || QUOTED.test(withoutCode) || (MAY_BE_IDENTIFIER.test(withoutCode) && IDENTIFIER.test(withoutCode))
    || properName(withoutCode) !== undefined) return true;
  return options.words === true && contentWords(withoutCode, options.topic, CONTENT_WORDS).length >= CONTENT_WORDS;
}

/** The text anchors are looked for in: abbreviations, ids and leading list numbering left out. */
function anchorBody(text: string, options: SpecificityOptions): string {
  let body = text.replace(ABBREVIATIONS, ' ');
  if (options.idPattern) body = body.replace(options.idPattern, ' ');
  // List ordinals, leading numbering and a label that opens the item ("AC3:", "R1.") are
  // structure, not values.
  return body.replace(/^\s*(?:[-*+]\s+)?(?:\[[ xX]\]\s+)?(?:\(?\d+(?:\.\d+)*[.):]\s+)?(?:[*_]*[A-Z][A-Za-z]{0,5}\d+(?:\.\d+)*[*_]*[.):][*_]*\s+)?/, '');
}

/**
 * A capitalised word with a lower-case letter after its first, preceded by a word that is not
 * the end of a sentence: "through Redis", "the ShipFast sandbox". Markup is ignored.
 */
function properName(text: string): string | undefined {
  const plain = text.replace(/[*_[\]()>#|]/g, ' ');
  // Words are read one at a time: most statements settle it long before their end.
  const words = /\S+/g;
  let previous: string | undefined;
  for (let match = words.exec(plain); match; previous = match[0], match = words.exec(plain)) {
    // The first word opens the statement: capitalised anyway.
    if (previous === undefined) continue;
    // A word opening with a lower-case ASCII letter or a digit keeps that first character.
    const first = match[0].charCodeAt(0);
    if ((first >= 97 && first <= 122) || (first >= 48 && first <= 57)) continue;
    const word = match[0].replace(/[^\p{L}\p{N}'-]+$/u, '').replace(/^[^\p{L}\p{N}]+/u, '');
    if (!/^\p{Lu}[\p{Ll}\p{N}]/u.test(word) || NOT_NAMES.has(word) || word.length < 3) continue;
    if (/[.!?:;]$/.test(previous)) continue;
    return word;
  }
  return undefined;
}

/**
 * Distinct words of four letters or more that are neither generic nor the topic's own; with
 * `enough`, the first that many (the rest are not looked at).
 */
export function contentWords(text: string, topic: ReadonlySet<string> = new Set(), enough = Infinity): string[] {
  const seen = new Set<string>();
  const lower = text.toLowerCase();
  // Words are read one at a time: with `enough`, the rest of the text is not split.
  const words = /[\p{L}\p{N}'-]+/gu;
  for (let match = words.exec(lower); match; match = words.exec(lower)) {
    const raw = match[0];
    // Trimming only shortens a word: one already too short is skipped as it is.
    if (raw.length < 4) continue;
    const word = raw.replace(/^['-]+|['-]+$/g, '').replace(/'s$/, '');
    if (word.length < 4 || GENERIC.has(word) || topic.has(word) || topic.has(word.replace(/s$/, ''))) continue;
    seen.add(word);
    if (seen.size >= enough) break;
  }
  return [...seen];
}

/** The words of a document's title, as `topic` for `anchorsOf`. */
export function topicWords(title: string): Set<string> {
  const words = new Set<string>();
  for (const raw of title.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 3) continue;
    words.add(raw);
    words.add(raw.replace(/s$/, ''));
  }
  return words;
}
