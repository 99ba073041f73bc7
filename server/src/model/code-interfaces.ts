/**
 * Interfaces a design document defines in code: function and method declarations (Rust, Swift,
 * Go, Kotlin, TypeScript, JavaScript, Python), gRPC methods of a protobuf service, and the
 * names a code block declares with a type (struct fields, message fields, properties, keys
 * with example values). Real design documents (KEPs, RFCs, evolution proposals) write their
 * contract this way, in the design sections rather than under a heading named "API".
 *
 * A declaration defines an interface when it is one: it has no body, an elided body
 * (`{ ... }`, `{}`, `todo!()`), or it is marked public. A function with a real body is example
 * code that uses the interface, not its definition. Code in sections that weigh alternatives,
 * motivate or look ahead is not the design.
 *
 * Pure: reads the parsed model only.
 */
import { citesOutsideSpec, proseAroundBlock } from './cited-spec';
import { offsetAt, positionAt, rangeFromOffsets } from './text';
import type { CodeBlock, Position, Range, Section, SpecModel } from './types';

export type CodePart = 'inputs' | 'output' | 'errors';

export interface CodeInterface {
  /** A function or gRPC method, or a data type (a Go struct, a protobuf message) whose fields are its contract. */
  kind: 'function' | 'type';
  /** `split_at`, `rpc StreamContainers`, `type PodCheckpoint`. */
  label: string;
  /** The declaration's name in the code block. */
  range: Range;
  section: Section | undefined;
  block: CodeBlock;
  parts: Partial<Record<CodePart, Range>>;
  /** Parts the declaration must give and does not (only gRPC messages that are nowhere defined). */
  required: CodePart[];
  /** What is wrong with a missing part, in the finding's words. */
  notes: Partial<Record<CodePart, string>>;
  /** The start of the line after the code block. */
  insertAt: Position;
}

/** Headings whose code is the design (or an ancestor's is): the proposal, the detailed design, the API. */
const DESIGN_TITLE = /\b(?:design|designs|proposal|proposed|reference[- ]level|specifications?|implementation|apis?|interfaces?|surface|protocol|schemas?|types?|definitions?|changes|additions?|methods?|functions?|operations?|commands?|endpoints?|messages?|events?|services?)\b/i;
/** Headings whose code is not the design: alternatives, motivation, history, examples of use, what comes later. */
const NOT_DESIGN_TITLE = /\b(?:alternatives?|alternate|considered|rejected|motivation|motivating|drawbacks?|prior art|future|unresolved|open questions?|rationale|compatibility|effect on|impact on|risks?|mitigations?|examples?|usage|user stories|stories|story|use cases?|tests?|testing|graduation|upgrade|downgrade|version skew|rollout|rollback|monitoring|troubleshooting|history|summary|non-goals|goals|workarounds?|status quo|today|existing|background|benchmarks?|acknowledg\w*|guide-level|tutorial|faq|appendix)\b/i;

/**
 * Headings whose whole subtree is not the design, whatever a heading below says: alternatives,
 * motivation, examples, history, what comes later ("Alternatives > Multidispatch through tuple
 * types", "Motivation > API").
 */
const OUTSIDE_DESIGN_TITLE = /\b(?:alternatives?|alternate|considered|rejected|motivation|motivating|drawbacks?|prior art|future|unresolved|open questions?|rationale|compatibility|effect on|impact on|examples?|history|workarounds?|status quo|acknowledg\w*)\b/i;

/** True when the section or a heading above it (the document's title aside) weighs alternatives, motivates, shows examples or looks ahead. */
export function isOutsideDesign(section: Section | undefined): boolean {
  for (let current = section; current; current = current.parent) {
    if (!(current.index === 0 && current.level === 1) && OUTSIDE_DESIGN_TITLE.test(current.title.trim())) return true;
  }
  return false;
}

/**
 * True when a section's code defines the design: the nearest heading that says either decides,
 * unless a heading above it (the document's title aside) weighs alternatives, motivates, shows
 * examples or looks ahead (OUTSIDE_DESIGN_TITLE).
 */
export function isDesignSection(section: Section | undefined): boolean {
  let design: boolean | undefined;
  for (let current = section; current; current = current.parent) {
    const title = current.title.trim();
    const isTitle = current.index === 0 && current.level === 1;
    if (!isTitle && OUTSIDE_DESIGN_TITLE.test(title)) return false;
    if (design !== undefined) continue;
    if (title.endsWith('?') || NOT_DESIGN_TITLE.test(title)) design = false;
    else if (current.canonical.some((id) => id === 'api-contract' || id === 'inputs-outputs' || id === 'data-mapping')) design = true;
    else if (DESIGN_TITLE.test(title) && !isTitle) design = true;
  }
  return design ?? false;
}

/**
 * What the sentence introducing a code block says when the code shows an example or a use of
 * the design rather than declaring it: "For example:", "e.g.", "Examples of APIs tagged with
 * stability attributes:", "The call site looks like this:", "you can now write:". "An example
 * implementation" shows the interface itself, and so does a sentence that says the code defines
 * or declares it ("The protocol is defined like so:").
 */
const EXAMPLE_LEAD = /\b(?:for (?:example|instance)|e\.g\.|examples?\b(?![ \t]+implementations?)|illustrat\w*|call sites?|usage|you (?:can |could |would |might |may |will |then )?(?:now )?(?:use|write|call|declare|define|add|mark|do)\b|(?:can|could|would|might) (?:now )?(?:be )?writ(?:e|ten)\b)/i;
const DEFINITION_LEAD = /\b(?:is|are) (?:defined|declared)\b|\b(?:declares|defines)\b/i;
/**
 * "like this:", "like so:", "looks like": an example, unless the sentence is about the interface
 * itself ("The resulting data structures will look like this:", "the new API will look like:").
 */
const LIKE_THIS = /\b(?:like (?:this|so)|looks? like)\b/i;
const INTERFACE_WORDS = /\b(?:apis?|structures?|structs?|types?|definitions?|signatures?|interfaces?|declarations?|protocols?|schemas?|messages?|services?|methods?|functions?|fields?|resources?|objects?|spec|status)\b/i;

/** Names that stand for any function in an illustration: `fn foo()`, `func f()`. */
const PLACEHOLDER_NAME = /^(?:foo|bar|baz|qux|quux|[a-z])\d*$/;

/**
 * True when a code block illustrates rather than declares: the sentence that introduces it
 * (the last one of the paragraph just above it, in its section, ending in a colon or a comma)
 * says it is an example or a use
 * (EXAMPLE_LEAD, LIKE_THIS), or it follows such a block with no prose between.
 */
function isIllustration(model: SpecModel, block: CodeBlock, previous: CodeBlock | undefined, previousIllustrates: boolean): boolean {
  const section = block.section;
  const start = model.lineStarts[block.range.start.line] ?? 0;
  const bodyStart = section ? model.lineStarts[section.bodyRange.start.line] ?? 0 : 0;
  const previousEnd = previous && previous.section === section ? model.lineStarts[previous.range.end.line + 1] ?? start : 0;
  const lead = model.text.slice(Math.max(bodyStart, previousEnd), start);
  const paragraph = lead.split(/\n[ \t>]*\r?\n/).map((text) => text.trim()).filter((text) => text !== '').pop();
  if (paragraph === undefined) return previousEnd > 0 && previousIllustrates;
  // The sentence that runs into the code ("For example:", "..., e.g."), its asides left out: one
  // that ends in a full stop says something of its own ("For example, an event can cancel it.").
  const sentence = (paragraph.split(/(?<=[.!?])\s+(?=[A-Z`*_(])/).pop() ?? paragraph).replace(/\([^()]*\)/g, '');
  if (!/(?:[:,]|\be\.g\.,?|\bexamples?)[\s*_]*$/i.test(sentence) || DEFINITION_LEAD.test(sentence)) return false;
  return EXAMPLE_LEAD.test(sentence) || (LIKE_THIS.test(sentence) && !INTERFACE_WORDS.test(sentence));
}

type Language = 'rust' | 'swift' | 'go' | 'kotlin' | 'ts' | 'js' | 'python' | 'proto' | 'other';

const LANGUAGES: Readonly<Record<string, Language>> = {
  rust: 'rust', rs: 'rust', swift: 'swift', go: 'go', golang: 'go', kotlin: 'kotlin', kt: 'kotlin',
  ts: 'ts', typescript: 'ts', tsx: 'ts', js: 'js', javascript: 'js', jsx: 'js', python: 'python', py: 'python',
  proto: 'proto', protobuf: 'proto', proto3: 'proto',
};

/** Languages whose compiler makes every parameter and result typed. */
const TYPED = new Set<Language>(['rust', 'swift', 'go', 'kotlin', 'ts']);

function languageOf(block: CodeBlock): Language {
  const named = LANGUAGES[block.language];
  if (named) return named;
  const content = block.content;
  if (/^\s*(?:service\s+\w+\s*\{|rpc\s+\w+\s*\(|message\s+\w+\s*\{)/m.test(content)) return 'proto';
  if (/^\s*(?:pub(?:\([^)]*\))?\s+)?(?:(?:const|async|unsafe)\s+)*fn\s+\w+/m.test(content)) return 'rust';
  if (/^\s*func\s+(?:\([^)]*\)\s*)?\w+\s*\(/m.test(content) && /^\s*(?:package|type\s+\w+\s+(?:struct|interface))\b/m.test(content)) return 'go';
  if (/^\s*(?:@\w+\s+)*(?:(?:public|open|internal|static|mutating)\s+)*func\s+\w+/m.test(content)) return 'swift';
  if (/^\s*type\s+[A-Z]\w*\s+struct\s*\{/m.test(content)) return 'go';
  return 'other';
}

/** Declarations that open a function: the name is group 1. */
const DECLARATIONS: Partial<Record<Language, RegExp>> = {
  rust: /^[ \t+]*(?:#\[[^\]]*\][ \t]*)*(?:pub(?:\([^)]*\))?[ \t]+)?(?:(?:const|async|unsafe|extern(?:[ \t]+"[^"]*")?)[ \t]+)*fn[ \t]+([A-Za-z_]\w*)/gm,
  swift: /^[ \t+]*(?:@\w+(?:\([^)]*\))?[ \t]+)*(?:(?:public|open|internal|package|fileprivate|private|static|class|mutating|nonmutating|override|final|required|convenience|nonisolated|dynamic|consuming|borrowing|indirect|optional|distributed)[ \t]+)*(?:func[ \t]+([^\s(<]+)|(init[?!]?|subscript))[ \t]*(?=[(<])/gm,
  go: /^[ \t+]*func[ \t]+(?:\([^)]*\)[ \t]*)?([A-Za-z_]\w*)[ \t]*(?=[([])/gm,
  kotlin: /^[ \t+]*(?:(?:public|internal|private|protected|suspend|inline|override|operator|infix|actual|expect)[ \t]+)*fun[ \t]+(?:<[^>]*>[ \t]*)?(?:\w+\.)?([A-Za-z_]\w*)[ \t]*(?=\()/gm,
  ts: /^[ \t+]*(?:export[ \t]+)?(?:default[ \t]+)?(?:declare[ \t]+)?(?:async[ \t]+)?function\*?[ \t]+([A-Za-z_$][\w$]*)/gm,
  js: /^[ \t+]*(?:export[ \t]+)?(?:default[ \t]+)?(?:async[ \t]+)?function\*?[ \t]+([A-Za-z_$][\w$]*)/gm,
  python: /^[ \t+]*(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)/gm,
};

const PUBLIC = /^[ \t+]*(?:#\[[^\]]*\][ \t]*)*(?:@\w+(?:\([^)]*\))?[ \t]+)*(?:pub\b|public\b|open\b|export\b|package\b)/;
/** A body that only stands for the implementation: `{}`, `{ ... }`, `{ /* ... *\/ }`, `todo!()`. */
const ELIDED_BODY = /^\{\s*(?:(?:\.\.\.|…|\/\/[^\n]*|\/\*[\s\S]*?\*\/|#[^\n]*|(?:unimplemented|todo|unreachable)!\([^)]*\);?|fatalError\([^)]*\)|pass|implementation)\s*)*\}/;
const RPC = /^[ \t+]*rpc[ \t]+(\w+)[ \t]*\([ \t]*(stream[ \t]+)?([\w.]+)[ \t]*\)[ \t]*returns[ \t]*\([ \t]*(stream[ \t]+)?([\w.]+)[ \t]*\)/gm;
const WELL_KNOWN_MESSAGES = /^(?:Empty|google\.protobuf\.\w+|\w+\.\w[\w.]*)$/;

interface CodeReading {
  interfaces: CodeInterface[];
  /** Fenced blocks that illustrate (an example or a use of the design) rather than declare. */
  illustrations: Set<CodeBlock>;
  /** Per block of the design, the functions it declares that show a use: a placeholder name, one the block calls, one with a real body. */
  uses: Map<CodeBlock, Set<string>>;
}

const cache = new WeakMap<SpecModel, CodeReading>();

function readingOf(model: SpecModel): CodeReading {
  let reading = cache.get(model);
  if (!reading) {
    const found: CodeInterface[] = [];
    const illustrations = new Set<CodeBlock>();
    const uses = new Map<CodeBlock, Set<string>>();
    const messages = declaredMessages(model);
    let previous: CodeBlock | undefined;
    let illustrates = false;
    for (const block of model.codeBlocks) {
      if (!block.fenced) continue;
      illustrates = isIllustration(model, block, previous, illustrates);
      previous = block;
      if (illustrates) illustrations.add(block);
      if (illustrates || !isDesignSection(block.section)) continue;
      const language = languageOf(block);
      if (language === 'proto') found.push(...rpcs(model, block, messages));
      else found.push(...functions(model, block, language, uses));
      if (language === 'proto' || language === 'go') found.push(...dataTypes(model, block, language));
    }
    cache.set(model, (reading = { interfaces: found, illustrations, uses }));
  }
  return reading;
}

/** The functions and gRPC methods the design sections of a document declare, once per model. */
export function codeInterfacesOf(model: SpecModel): CodeInterface[] {
  return readingOf(model).interfaces;
}

/**
 * Whether a function a code block shows is one the interface model decided is no interface:
 * every function of a block that illustrates (an example or a use of the design, outside the
 * design's sections), and a declaration of the design's code that shows a use (a placeholder
 * name, one the block goes on to call, one with a real body).
 */
export function isExampleFunction(model: SpecModel, block: CodeBlock, name: string): boolean {
  const reading = readingOf(model);
  if (!block.fenced) return false;
  if (reading.illustrations.has(block) || !isDesignSection(block.section)) return true;
  return PLACEHOLDER_NAME.test(name) || (reading.uses.get(block)?.has(name) ?? false);
}

/** A name that stands for any function in an illustration (`foo`, `bar`, `f`). */
export function isPlaceholderName(name: string): boolean {
  return PLACEHOLDER_NAME.test(name);
}

function declaredMessages(model: SpecModel): Set<string> {
  const names = new Set<string>();
  for (const block of model.codeBlocks) {
    for (const match of block.content.matchAll(/^[ \t+]*(?:message|enum)[ \t]+(\w+)/gm)) names.add(match[1]);
  }
  return names;
}

function afterBlock(model: SpecModel, block: CodeBlock): Position {
  const line = block.range.end.line + 1;
  return line < model.lineStarts.length ? { line, character: 0 } : block.range.end;
}

function rpcs(model: SpecModel, block: CodeBlock, messages: Set<string>): CodeInterface[] {
  const found: CodeInterface[] = [];
  const content = block.content;
  // "The service is the same as the [xDS LRS protocol](…)": the linked specification defines its messages.
  let cited: boolean | undefined;
  const citesSpec = () => (cited ??= citesOutsideSpec(proseAroundBlock(model.text, offsetAt(model, block.range.start), offsetAt(model, block.range.end))));
  for (const match of content.matchAll(RPC)) {
    const index = match.index ?? 0;
    // "// Existing unary RPC (unchanged)" above the line: the document cites it, it does not define it.
    const before = content.slice(0, index).split('\n').slice(-3).join('\n');
    if (/\/\/[^\n]*\b(?:existing|unchanged|already)\b[^\n]*\n[ \t]*$/i.test(before)) continue;
    const start = block.contentStartOffset + index + match[0].indexOf(match[1], match[0].indexOf('rpc') + 3);
    const at = (name: string) => {
      const offset = block.contentStartOffset + index + match[0].lastIndexOf(name);
      return rangeFromOffsets(model, offset, offset + name.length);
    };
    const parts: Partial<Record<CodePart, Range>> = {};
    const notes: Partial<Record<CodePart, string>> = {};
    const request = match[3];
    const response = match[5];
    if (messages.has(request) || WELL_KNOWN_MESSAGES.test(request) || citesSpec()) parts.inputs = at(request);
    else notes.inputs = `its request message \`${request}\` is not defined in the document`;
    if (messages.has(response) || WELL_KNOWN_MESSAGES.test(response) || citesSpec()) parts.output = at(response);
    else notes.output = `its response message \`${response}\` is not defined in the document`;
    found.push({
      kind: 'function',
      label: `rpc ${match[1]}`,
      range: rangeFromOffsets(model, start, start + match[1].length),
      section: block.section,
      block,
      parts,
      required: ['inputs', 'output'],
      notes,
      insertAt: afterBlock(model, block),
    });
  }
  return found;
}

function functions(model: SpecModel, block: CodeBlock, language: Language, uses: Map<CodeBlock, Set<string>>): CodeInterface[] {
  const pattern = DECLARATIONS[language];
  if (!pattern) return [];
  const content = block.content;
  const found: CodeInterface[] = [];
  const called = topLevelCalls(content, pattern);
  for (const match of content.matchAll(new RegExp(pattern.source, pattern.flags))) {
    const index = match.index ?? 0;
    const name = match[1] ?? match[2];
    const use = () => {
      let names = uses.get(block);
      if (!names) uses.set(block, (names = new Set<string>()));
      names.add(name);
    };
    // A placeholder name, or a function the block itself goes on to call: code that shows a use.
    if (PLACEHOLDER_NAME.test(name) || called.has(name)) {
      use();
      continue;
    }
    const signature = signatureAt(content, index + match[0].length);
    if (!signature) continue;
    const rest = content.slice(signature.end).trimStart();
    const declared = !rest.startsWith('{') || ELIDED_BODY.test(rest) || PUBLIC.test(match[0]);
    if (!declared) {
      use();
      continue;
    }
    const offset = block.contentStartOffset + index + match[0].lastIndexOf(name);
    const range = rangeFromOffsets(model, offset, offset + name.length);
    const parts: Partial<Record<CodePart, Range>> = {};
    const parameters = splitTopLevel(signature.parameters).filter((p) => p.trim() !== '');
    const typed = TYPED.has(language) || parameters.every((p) => /:/.test(p) || /^\s*(?:self|cls|\*|\/)\s*$/.test(p));
    if (typed) parts.inputs = range;
    const result = signature.result.trim();
    if (TYPED.has(language) || result !== '') parts.output = range;
    if (/\b(?:throws\b|rethrows\b|Result\s*<|Option\s*<|error\b|Error\b|Promise\s*<|Throwable\b)|\?\s*$/.test(signature.result + signature.effects)) parts.errors = range;
    found.push({
      kind: 'function',
      label: name,
      range,
      section: block.section,
      block,
      parts,
      // A declaration in code gives what its language makes it give: nothing is reported.
      required: [],
      notes: {},
      insertAt: afterBlock(model, block),
    });
  }
  return found;
}

/**
 * Functions a block calls at its top level, outside any body (`foo(22)`, `let x = f(a: 1)`):
 * a block that declares a function and then calls it shows how the design is used.
 */
function topLevelCalls(content: string, declaration: RegExp): Set<string> {
  const called = new Set<string>();
  const isDeclaration = new RegExp(declaration.source, declaration.flags.replace('g', ''));
  let depth = 0;
  for (const line of content.split('\n')) {
    const code = line.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""').replace(/\/\/.*$|#(?![[!]).*$/, '');
    if (depth === 0 && !isDeclaration.test(code)) {
      const call = /^[ \t]*(?:(?:let|var|const|val)[ \t]+[^=\n]+=[ \t]*)?(?:(?:try[!?]?|await)[ \t]+)*([A-Za-z_]\w*)[ \t]*(?:\(|::<)/.exec(code);
      if (call) called.add(call[1]);
    }
    for (const char of code) {
      if (char === '{') depth++;
      else if (char === '}') depth = Math.max(0, depth - 1);
    }
  }
  return called;
}

/**
 * Data types a design declares: Go structs (`type PodCheckpoint struct {`, the KEP's API types)
 * and protobuf messages. Their fields carry types the compiler checks, so they give their inputs
 * and are never reported; they are recorded for the hover and the contract lens.
 */
function dataTypes(model: SpecModel, block: CodeBlock, language: Language): CodeInterface[] {
  const pattern = language === 'go' ? /^[ \t+]*type[ \t]+([A-Z]\w*)[ \t]+struct[ \t]*\{/gm : /^[ \t+]*message[ \t]+(\w+)[ \t]*\{/gm;
  const found: CodeInterface[] = [];
  for (const match of block.content.matchAll(pattern)) {
    const offset = block.contentStartOffset + (match.index ?? 0) + match[0].indexOf(match[1], match[0].indexOf(language === 'go' ? 'type' : 'message') + 4);
    const range = rangeFromOffsets(model, offset, offset + match[1].length);
    found.push({ kind: 'type', label: `${language === 'go' ? 'type' : 'message'} ${match[1]}`, range, section: block.section, block, parts: { inputs: range }, required: [], notes: {}, insertAt: afterBlock(model, block) });
  }
  return found;
}

/**
 * The parameter list, effects and result after a declaration's name: generic parameters are
 * skipped, parentheses balanced, and the result runs to the body, a `;`, a `where` clause or
 * the end of the line.
 */
function signatureAt(content: string, from: number): { parameters: string; effects: string; result: string; end: number } | undefined {
  let position = from;
  while (position < content.length && /[ \t]/.test(content[position])) position++;
  if (content[position] === '<' || content[position] === '[') {
    const close = content[position] === '<' ? '>' : ']';
    const end = balanced(content, position, content[position], close);
    if (end < 0) return undefined;
    position = end + 1;
  }
  while (position < content.length && /[ \t]/.test(content[position])) position++;
  if (content[position] !== '(') return undefined;
  const close = balanced(content, position, '(', ')');
  if (close < 0) return undefined;
  const parameters = content.slice(position + 1, close);
  let end = close + 1;
  // Go results in parentheses: "func (c *Client) Get(ctx context.Context) (*Pod, error)".
  const tail = /^[^{;\n]*/.exec(content.slice(end))?.[0] ?? '';
  const stop = tail.search(/\bwhere\b/);
  const result = stop >= 0 ? tail.slice(0, stop) : tail;
  end += tail.length;
  const effects = /^\s*((?:async|throws|rethrows|reasync|mutating|\s)*(?:throws\s*\([^)]*\))?)/.exec(result)?.[1] ?? '';
  return { parameters, effects, result: result.replace(/^\s*(?:->|:|=>)?/, '').trim(), end };
}

function balanced(text: string, open: number, openChar: string, closeChar: string): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    const char = text[index];
    if (char === openChar) depth++;
    else if (char === closeChar && text[index - 1] !== '-') {
      depth--;
      if (depth === 0) return index;
    }
  }
  return -1;
}

function splitTopLevel(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if ('([{<'.includes(char)) depth++;
    else if (')]}>'.includes(char) && text[index - 1] !== '-') depth = Math.max(0, depth - 1);
    else if (char === ',' && depth === 0) {
      items.push(text.slice(start, index));
      start = index + 1;
    }
  }
  items.push(text.slice(start));
  return items;
}

/**
 * Names a code block declares with a type: struct and message fields
 * (`Name Type \`json:"name"\``, `string name = 1;`, `name: Type` in a typed language) and
 * properties (`var name: Type`). A field listed without a type elsewhere in the document has its
 * type here. Keys of YAML or JSON examples do not count: an example is not a declaration.
 */
export function declaredNames(model: SpecModel): Map<string, Position> {
  const cached = declaredCache.get(model);
  if (cached) return cached;
  const names = new Map<string, Position>();
  const add = (name: string, block: CodeBlock, index: number) => {
    const key = name.toLowerCase();
    if (!names.has(key)) names.set(key, positionAt(model, block.contentStartOffset + index));
  };
  for (const block of model.codeBlocks) {
    const content = block.content;
    for (const match of content.matchAll(/^[ \t+]*([A-Za-z_]\w*)[ \t]+[*[\]\w.]+(?:\[[\w.]*\][*\w.]+)?[ \t]+`[^`]*\b(?:json|yaml|protobuf):"([\w-]+)/gm)) {
      add(match[1], block, match.index ?? 0);
      add(match[2], block, match.index ?? 0);
    }
    for (const match of content.matchAll(/^[ \t+]*(?:repeated[ \t]+|optional[ \t]+)?[\w.]+(?:<[^>]*>)?[ \t]+([A-Za-z_]\w*)[ \t]*=[ \t]*\d+/gm)) add(match[1], block, match.index ?? 0);
    // "name: Type" declares only in a typed language; in YAML or JSON it is an example value.
    const language = languageOf(block);
    if ((TYPED.has(language) && language !== 'go') || language === 'python') {
      for (const match of content.matchAll(/^[ \t+]*(?:(?:pub(?:\([^)]*\))?|public|private|internal|readonly|let|var|val|const)[ \t]+)*([A-Za-z_]\w*)\??[ \t]*:[ \t]*[A-Za-z_[({&*]/gm)) add(match[1], block, match.index ?? 0);
    }
  }
  declaredCache.set(model, names);
  return names;
}

const declaredCache = new WeakMap<SpecModel, Map<string, Position>>();
