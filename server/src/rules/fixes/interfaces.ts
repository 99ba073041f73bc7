import type { FixContext } from '../types';
import type { InterfacePart } from '../../model/interfaces';
import type { Position } from '../../model/types';
import type { Finding } from '../types';
import { example, hole, insertLines, type SnippetLine } from './snippet';
import type { QuickFix } from '../types';

/**
 * What each missing part inserts. Holes in prose are tab stops whose plain text is an HTML
 * comment saying what goes there (no rule reports it as an error, and the interface keeps its
 * finding until the part is written); holes in code spans and code blocks are example values.
 */
interface PartSnippet {
  title: string;
  lines: SnippetLine[];
}

/** Parts written as one labelled line: the fix's title, the label, and what the hole after it asks for. */
const LABELLED_LINES: Partial<Record<InterfacePart, { title: string; label: string; hole: string }>> = {
  schedule: { title: 'Describe the schedule', label: 'Schedule: ', hole: 'when it runs (cron expression, time zone) or what triggers it' },
  output: { title: 'Describe the output', label: 'Output: ', hole: 'what it returns, prints or writes, with an example' },
  inputs: { title: 'Describe the inputs', label: 'Inputs: ', hole: 'each parameter with its type' },
  auth: { title: 'Say how callers authenticate', label: 'Authentication: ', hole: 'bearer token, API key or mTLS; what 401 and 403 mean' },
  idempotency: { title: 'Say what a repeated request does', label: 'Idempotency: ', hole: 'a repeated request with the same `Idempotency-Key` returns the first response' },
  pagination: { title: 'Say how the list is paginated', label: 'Pagination: ', hole: 'page size, maximum, and the cursor that fetches the next page' },
};

function snippetFor(part: InterfacePart, method: string | undefined, kind: string | undefined): PartSnippet | undefined {
  switch (part) {
    case 'request':
      return {
        title: 'Add a request table',
        lines: [
          ['Request body:'],
          [],
          ['| Field | Type | Required | Notes |'],
          ['|---|---|---|---|'],
          ['| `', example('field'), '` | ', example('string'), ' | ', example('yes'), ' | ', hole('constraints'), ' |'],
        ],
      };
    case 'response':
      return {
        title: 'Add a response example',
        lines: [
          ['Response `', example(method === 'POST' ? '201 Created' : method === 'DELETE' ? '204 No Content' : '200 OK'), '`: ', hole('describe the body')],
          [],
          ['```json'],
          ['{ "', example('id'), '": "', example('value'), '" }'],
          ['```'],
        ],
      };
    case 'errors':
      if (kind === 'command') {
        return {
          title: 'Add an exit code table',
          lines: [
            ['Exit codes:'],
            [],
            ['| Code | When |'],
            ['|---|---|'],
            ['| ', example('0'), ' | ', hole('what success means'), ' |'],
            ['| ', example('1'), ' | ', hole('which failure'), ' |'],
          ],
        };
      }
      return {
        title: 'Add an error table',
        lines: [
          ['Errors:'],
          [],
          ['| Status | Error code | When |'],
          ['|---|---|---|'],
          ['| ', example('400'), ' | `', example('invalid_request'), '` | ', hole('which input is invalid'), ' |'],
          ['| ', example('404'), ' | `', example('not_found'), '` | ', hole('what does not exist'), ' |'],
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
          ['| `', example('field'), '` | ', example('string'), ' | ', example('yes'), ' | ', hole('constraints'), ' |'],
        ],
      };
    case 'format':
      return { title: 'Describe the format', lines: [['Format: ', hole('CSV with a header row, UTF-8; one row per record')], [], ['| Column | Type | Notes |'], ['|---|---|---|'], ['| `', example('column'), '` | ', example('string'), ' | ', hole('notes'), ' |']] };
    case 'channel':
      return { title: 'Name the topic or queue', lines: [['Topic: `', example('topic'), '` (', hole('broker'), ')']] };
    case 'location':
      return { title: 'Say where the file is', lines: [['Location: `', example('path'), '`']] };
    default: {
      const labelled = LABELLED_LINES[part];
      return labelled && { title: labelled.title, lines: [[labelled.label, hole(labelled.hole)]] };
    }
  }
}

/** What an interface finding says is missing, and where it goes. */
export interface InterfaceGap {
  interface?: string;
  method?: string;
  /** The interface's kind (`endpoint`, `command`, ...): a command's errors are exit codes. */
  kind?: string;
  missing?: readonly InterfacePart[];
  insertAt?: Position;
  recommended?: boolean;
}

/** One fix per missing part of an interface, and one that adds them all when several are missing. */
export function interfaceFixes(result: FixContext, finding: Finding, data: InterfaceGap | undefined): QuickFix[] {
  const missing = data?.missing ?? [];
  const at = data?.insertAt;
  const name = data?.interface;
  if (!at || !name || missing.length === 0) return [];
  const method = data.method;
  const snippets = missing.map((part) => snippetFor(part, method, data.kind)).filter((snippet): snippet is PartSnippet => !!snippet);
  const fixes = snippets.map((snippet, index) => fix(result, finding, at, `${snippet.title} to ${name}`, [snippet], index === 0 && !data.recommended));
  if (snippets.length > 1) fixes.push(fix(result, finding, at, `Add all ${snippets.length} missing parts to ${name}`, snippets, false));
  return fixes;
}

function fix(result: FixContext, finding: Finding, at: Position, title: string, snippets: PartSnippet[], isPreferred: boolean): QuickFix {
  const lines = snippets.flatMap((snippet, index) => (index === 0 ? snippet.lines : [[], ...snippet.lines]));
  return { title, rule: finding.rule, isPreferred, edits: [insertLines(result.model, at, lines)] };
}
