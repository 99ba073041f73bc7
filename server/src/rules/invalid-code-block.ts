import { parseAllDocuments } from 'yaml';
import { findJsonSequenceProblem, type JsonProblem } from '../model/json-syntax';
import { codeBlockPosition } from '../model/text';
import type { CodeBlock, SpecModel } from '../model/types';
import type { Finding, RawFinding, Rule } from './types';
import { dataOf } from './types';
import { plainText } from './question-text';
import { LruCache } from '../util/lru';

/** A syntax error inside a block's content: offsets index `CodeBlock.content`. */
interface BlockError {
  offset: number;
  length: number;
  message: string;
}

const JSON_LANGUAGES = new Set(['json']);
const YAML_LANGUAGES = new Set(['yaml', 'yml']);

export const invalidCodeBlock: Rule<InvalidCodeBlockData> = {
  id: 'invalid-code-block',
  defaultSeverity: 'error',
  dimension: 'contract',
  scoreRole: 'integrity',
  docs: {
    description: 'JSON or YAML code blocks that do not parse.',
    summary: 'Reports fenced `json` and `yaml` blocks that do not parse, at the position of the syntax error.',
    rationale:
      'Examples are the part of a spec a contractor copies into code, fixtures and tests. An example that does not ' +
      'parse is either wrong or incomplete, and the contractor has to guess which. `...` ellipses and `//` comments ' +
      'are reported too: write a complete example, or label the block `jsonc`/`json5`/`text` (those are not checked) ' +
      'when it is deliberately not valid JSON. Several YAML documents separated by `---` are fine, and so are JSON Lines.',
    bad: '```json\n{\n  "id": "ord_123",\n  "items": [...],\n}\n```',
    good: '```json\n{\n  "id": "ord_123",\n  "items": [{ "sku": "A-1", "quantity": 2 }]\n}\n```',
    sources: ['RFC 8259 (JSON)', 'YAML 1.2'],
  },
  question: invalidCodeBlockQuestion,
  check(model: SpecModel): RawFinding<InvalidCodeBlockData>[] {
    const findings: RawFinding<InvalidCodeBlockData>[] = [];
    for (const block of model.codeBlocks) {
      if (!block.fenced || block.content.trim() === '') continue;
      const kind = JSON_LANGUAGES.has(block.language) ? 'JSON' : YAML_LANGUAGES.has(block.language) ? 'YAML' : undefined;
      if (!kind) continue;
      const error = blockError(kind, block.content);
      if (error) findings.push(toFinding(model, block, kind, error));
    }
    return findings;
  },
};

function toFinding(model: SpecModel, block: CodeBlock, kind: string, error: BlockError): RawFinding<InvalidCodeBlockData> {
  const start = codeBlockPosition(model, block, error.offset);
  const end = codeBlockPosition(model, block, error.offset + error.length);
  return {
    message: `Invalid ${kind} in code block: ${error.message}`,
    range: { start, end: end.line === start.line ? end : { line: start.line, character: start.character + 1 } },
    data: { language: block.language },
  };
}

/**
 * The first syntax error of a block, remembered per language and content: a document being edited
 * keeps its examples, and parsing a YAML block is costly.
 */
function blockError(kind: 'JSON' | 'YAML', content: string): BlockError | undefined {
  const cache = blockErrors[kind];
  let error = cache.get(content);
  if (error === undefined) {
    error = (kind === 'JSON' ? jsonError(content) : yamlError(content)) ?? null;
    // The key is a copy: a block's content is a substring that would keep its whole document alive.
    cache.set((' ' + content).slice(1), error);
  }
  return error ?? undefined;
}

const blockErrors = { JSON: new LruCache<string, BlockError | null>(1000), YAML: new LruCache<string, BlockError | null>(1000) };

function yamlError(content: string): BlockError | undefined {
  const documents = parseAllDocuments(content, { prettyErrors: false });
  if (!Array.isArray(documents)) return undefined;
  const error = documents.flatMap((document) => document.errors)[0];
  if (!error) return undefined;
  const offset = errorOffset(content, error.pos[0]);
  const lineStart = content.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = content.indexOf('\n', offset);
  const line = content.slice(lineStart, lineEnd === -1 ? content.length : lineEnd);
  // YAML reports where the structure broke; an elision on that line is the usual cause.
  const ellipsis = /(?:^|\s)(\.\.\.|…)(?=\s|$)/.exec(line);
  if (ellipsis) {
    return {
      offset: lineStart + ellipsis.index + ellipsis[0].length - ellipsis[1].length,
      length: ellipsis[1].length,
      message: `${error.message}. The \`...\` elides content: show a complete example, or mark omitted parts with a \`# ...\` comment.`,
    };
  }
  // YAML often points at one character or at indentation; underline the whole token there.
  const token = /^([ \t]*)(\S+)/.exec(line.slice(offset - lineStart));
  const length = error.pos[1] - error.pos[0];
  if (!token || length > 1) return { offset, length: Math.max(1, length), message: `${error.message}.` };
  return { offset: offset + token[1].length, length: token[2].length, message: `${error.message}.` };
}

/**
 * An error at the end of the input ("never closed") is reported on the last token, where the
 * reader can see it, rather than on the invisible line break after it.
 */
function errorOffset(content: string, offset: number): number {
  if (content.slice(offset).trim() !== '') return offset;
  const end = content.trimEnd().length;
  const tokenStart = content.slice(0, end).search(/\S+$/);
  return Math.max(0, tokenStart);
}

/**
 * The first syntax error of a JSON block, explained for the author (model/json-syntax.ts finds
 * it). Several values in one block (JSON Lines, an event stream) are accepted when each value is
 * valid.
 */
function jsonError(content: string): BlockError | undefined {
  try {
    JSON.parse(content);
    return undefined;
  } catch {
    const problem = findJsonSequenceProblem(content);
    return problem && explainJson(problem, content);
  }
}

const WORD = /^[A-Za-z_$][\w$]*/;

function explainJson(problem: JsonProblem, text: string): BlockError {
  const at = (length: number, message: string): BlockError => ({ offset: problem.offset, length: Math.max(1, length), message });
  switch (problem.kind) {
    case 'comment': {
      const end = text.indexOf('\n', problem.offset);
      return at((end === -1 ? text.length : end) - problem.offset, 'JSON does not allow comments; move the explanation out of the block, or label it `jsonc` if comments are intended.');
    }
    case 'trailing-comma': return at(1, `trailing comma before '${problem.close}' is not allowed in JSON.`);
    // Underline the string up to the break: the break itself is invisible.
    case 'line-break-in-string': return at(problem.end - problem.offset, 'line breaks and control characters must be escaped inside JSON strings (is a closing quote missing?).');
    case 'control-character': return { offset: problem.stringStart, length: Math.max(1, problem.offset - problem.stringStart), message: 'line breaks and control characters must be escaped inside JSON strings (is a closing quote missing?).' };
    case 'unclosed-string': return at(1, 'the string is never closed.');
    case 'invalid-escape': return at(2, 'invalid escape sequence in a JSON string.');
    case 'invalid-number': return at(1, 'invalid number.');
    case 'unexpected': return explainUnexpected(problem, text);
  }
}

/** Explains the token at the problem's offset, which is not what the parser expected there. */
function explainUnexpected(problem: Extract<JsonProblem, { kind: 'unexpected' }>, text: string): BlockError {
  const rest = text.slice(problem.offset);
  const expected = problem.expected === 'value' || problem.expected === 'end' ? 'a value'
    : problem.expected === 'property-name' ? 'a double-quoted property name'
      : problem.expected === 'colon' ? "':' after the property name"
        : `',' or '${problem.close ?? '}'}'`;
  const at = (length: number, message: string): BlockError => ({ offset: problem.offset, length: Math.max(1, length), message });
  if (rest.trim() === '') {
    return { offset: Math.max(0, text.trimEnd().length - 1), length: 1, message: `the JSON ends before it is complete (expected ${expected}); check for missing closing brackets.` };
  }
  if (rest.startsWith('...') || rest.startsWith('…')) {
    return at(rest.startsWith('…') ? 1 : 3, 'the `...` elides content, so the example cannot be copied as is: show a complete example, or label the block `jsonc`/`text`.');
  }
  if (rest.startsWith("'")) return at(1, 'JSON strings and property names need double quotes.');
  const word = WORD.exec(rest)?.[0];
  if (word) {
    return at(word.length, expected === 'a value'
      ? `"${word}" is not a JSON value (use a string, number, true, false or null).`
      : `expected ${expected}, found "${word}" (property names need double quotes).`);
  }
  return at(1, `expected ${expected}, found "${rest[0]}".`);
}

function invalidCodeBlockQuestion(finding: Finding): string | undefined {
  const language = plainText(dataOf(invalidCodeBlock, finding)?.language)?.toUpperCase();
  return `What is the correct ${language ?? 'code'} here? The example does not parse, so it cannot be used as a contract.`;
}

/** What a finding of this rule carries in `data`. */
export type InvalidCodeBlockData = {
  language: string;
};
