import type { AnalysisResult } from '../engine/analyze';
import type { InterfacePart } from '../model/interfaces';
import type { Position } from '../model/types';
import type { Finding } from '../rules/types';
import { eolOf, escapeSnippet, insertBlock } from './edits';
import type { QuickFix } from './types';

/**
 * A snippet line: literal text and tab stops `[default]`, numbered in order. The plain text
 * (for clients without snippet edits, and for tests) uses the defaults, which say TODO so the
 * placeholder rule keeps asking until they are replaced.
 */
type Piece = string | [string];
type SnippetLine = Piece[];

interface PartSnippet {
  title: string;
  lines: SnippetLine[];
}

const TODO = 'TODO';

/** What each missing part inserts. `label` is what the interface is called in titles. */
function snippetFor(part: InterfacePart, method: string | undefined): PartSnippet | undefined {
  switch (part) {
    case 'request':
      return {
        title: 'Add a request table',
        lines: [
          ['Request body:'],
          [],
          ['| Field | Type | Required | Notes |'],
          ['|---|---|---|---|'],
          ['| `', [TODO], '` | ', ['string'], ' | ', ['yes'], ' | ', [`${TODO}: constraints`], ' |'],
        ],
      };
    case 'response':
      return {
        title: 'Add a response example',
        lines: [
          ['Response `', [method === 'POST' ? '201 Created' : method === 'DELETE' ? '204 No Content' : '200 OK'], '`: ', [`${TODO}: describe the body`]],
          [],
          ['```json'],
          ['{ "', ['id'], '": "', [TODO], '" }'],
          ['```'],
        ],
      };
    case 'errors':
      return {
        title: 'Add an error table',
        lines: [
          ['Errors:'],
          [],
          ['| Status | Error code | When |'],
          ['|---|---|---|'],
          ['| ', ['400'], ' | `', ['invalid_request'], '` | ', [`${TODO}: which input is invalid`], ' |'],
          ['| ', ['404'], ' | `', ['not_found'], '` | ', [`${TODO}: what does not exist`], ' |'],
        ],
      };
    case 'payload':
      return {
        title: 'Add a payload table',
        lines: [
          ['Payload (JSON):'],
          [],
          ['| Field | Type | Required | Notes |'],
          ['|---|---|---|---|'],
          ['| `', [TODO], '` | ', ['string'], ' | ', ['yes'], ' | ', [`${TODO}: constraints`], ' |'],
        ],
      };
    case 'format':
      return { title: 'Describe the format', lines: [['Format: ', [`${TODO}: CSV with a header row, UTF-8; one row per record`]], [], ['| Column | Type | Notes |'], ['|---|---|---|'], ['| `', [TODO], '` | ', ['string'], ' | ', [TODO], ' |']] };
    case 'schedule':
      return { title: 'Describe the schedule', lines: [['Schedule: ', [`${TODO}: when it runs (cron expression, time zone) or what triggers it`]]] };
    case 'output':
      return { title: 'Describe the output', lines: [['Output: ', [`${TODO}: what it returns, prints or writes, with an example`]]] };
    case 'inputs':
      return { title: 'Describe the inputs', lines: [['Inputs: ', [`${TODO}: each parameter with its type`]]] };
    case 'auth':
      return { title: 'Say how callers authenticate', lines: [['Authentication: ', [`${TODO}: bearer token, API key or mTLS; what 401 and 403 mean`]]] };
    case 'idempotency':
      return { title: 'Say what a repeated request does', lines: [['Idempotency: ', [`${TODO}: a repeated request with the same \`Idempotency-Key\` returns the first response`]]] };
    case 'pagination':
      return { title: 'Say how the list is paginated', lines: [['Pagination: ', [`${TODO}: page size, maximum, and the cursor that fetches the next page`]]] };
    case 'channel':
      return { title: 'Name the topic or queue', lines: [['Topic: `', [TODO], '` (', [`${TODO}: broker`], ')']] };
    case 'location':
      return { title: 'Say where the file is', lines: [['Location: `', [TODO], '`']] };
    default:
      return undefined;
  }
}

/** One fix per missing part of an interface, and one that adds them all when several are missing. */
export function interfaceFixes(result: AnalysisResult, finding: Finding): QuickFix[] {
  const missing = Array.isArray(finding.data?.missing) ? (finding.data?.missing as InterfacePart[]) : [];
  const at = finding.data?.insertAt as Position | undefined;
  const name = typeof finding.data?.interface === 'string' ? finding.data.interface : undefined;
  if (!at || !name || missing.length === 0) return [];
  const method = typeof finding.data?.method === 'string' ? finding.data.method : undefined;
  const snippets = missing.map((part) => snippetFor(part, method)).filter((snippet): snippet is PartSnippet => !!snippet);
  const fixes = snippets.map((snippet, index) => fix(result, finding, at, `${snippet.title} to ${name}`, [snippet], index === 0 && !finding.data?.recommended));
  if (snippets.length > 1) fixes.push(fix(result, finding, at, `Add all ${snippets.length} missing parts to ${name}`, snippets, false));
  return fixes;
}

function fix(result: AnalysisResult, finding: Finding, at: Position, title: string, snippets: PartSnippet[], isPreferred: boolean): QuickFix {
  const lines = snippets.flatMap((snippet, index) => (index === 0 ? snippet.lines : [[], ...snippet.lines]));
  const plain = lines.map((line) => line.map((piece) => (typeof piece === 'string' ? piece : piece[0])).join(''));
  const edit = insertBlock(result.model, at, plain);
  const eol = eolOf(result.model);
  const block = plain.join(eol);
  const position = edit.newText.lastIndexOf(block);
  let stop = 0;
  const snippetLines = lines.map((line) => line.map((piece) => (typeof piece === 'string' ? escapeSnippet(piece) : `\${${++stop}:${escapeSnippet(piece[0])}}`)).join(''));
  const snippet = position < 0
    ? undefined
    : escapeSnippet(edit.newText.slice(0, position)) + snippetLines.join(eol) + escapeSnippet(edit.newText.slice(position + block.length));
  return { title, rule: finding.rule, isPreferred, edits: [{ ...edit, ...(snippet ? { snippet } : {}) }] };
}

