import { rangeFromOffsets } from '../model/text';
import type { SpecModel } from '../model/types';
import type { RawFinding, Rule } from './types';
import { inSection, matchesOf, OffsetIntervals, rangeOffsets, sectionAt } from './util';

type Missing = 'response' | 'errors';

interface Mention {
  method: string;
  path: string;
  start: number;
  end: number;
  /** Starts its line (a heading, list item, table cell or request line) rather than being cited mid-sentence. */
  defining: boolean;
  sectionEnd: number;
}

interface Endpoint {
  method: string;
  label: string;
  segments: string[];
  mentions: Mention[];
  evidence: Set<'response' | 'status' | 'errors'>;
}

const METHOD_AND_PATH = /(?<![\w/-])(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+(?:https?:\/\/[^\s/`'"<>]+)?(\/[^\s`'"<>|)\]]*)/g;
/** What may precede a defining mention on its line: indentation, heading/list/table/quote markers, emphasis, code ticks. */
const LINE_PREFIX = /^[\s>]*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d{1,9}[.)]\s+|\|\s*)?[`*_]*\s*$/;

const RESPONSE_WORDS = /\b(?:respon(?:se|ses|ds)|returns?)\b/i;
const ERROR_WORDS = /\b(?:errors?|fail(?:s|ed|ures?)?|problem\+json)\b/i;
const REASON = '(?:OK|Created|Accepted|No Content|Moved|Found|See Other|Not Modified|Bad Request|Unauthori[sz]ed|Payment Required|Forbidden|Not Found|Method Not Allowed|Not Acceptable|Conflict|Gone|Precondition|Payload Too Large|Content Too Large|Unsupported|Unprocessable|Too Many Requests|Internal Server Error|Not Implemented|Bad Gateway|Service Unavailable|Gateway Timeout)';
/**
 * A number is an HTTP status when something says so: a reason phrase, "HTTP/1.1", "status",
 * "code", "returns", code ticks, or a table cell / list item of its own. "200 ms" is not one.
 */
const STATUS_CODE = new RegExp([
  `\\b([1-5]\\d\\d)\\s+${REASON}\\b`,
  '\\bHTTP/\\d(?:\\.\\d)?\\s+([1-5]\\d\\d)\\b',
  '\\b(?:status|code|codes|returns?|respond(?:s|s with)?|response)\\W{1,12}([1-5]\\d\\d)\\b',
  '`([1-5]\\d\\d)`',
  '(?:^|\\|)[ \\t*_]*([1-5]\\d\\d)[ \\t*_]*(?=\\||$)',
  '^[ \\t]*[-*+][ \\t]+[*_`]*([1-5]\\d\\d)\\b',
  '\\b([1-5])[xX]{2}\\b',
].join('|'), 'gim');

export const apiEndpointIncomplete: Rule = {
  id: 'api-endpoint-incomplete',
  defaultSeverity: 'warning',
  dimension: 'completeness',
  docs: {
    summary: 'Reports endpoints in the API contract without a response example or status codes, or without error cases.',
    rationale:
      'The request line is the easy part of an API contract. What a contractor cannot guess is what comes back: the ' +
      'response body, the status codes, and what happens when things go wrong. Without them the implementation and ' +
      'its clients disagree at integration time. An endpoint is `METHOD /path` in a heading, list item, table, ' +
      'paragraph or code block under the API contract section; its description runs until the next endpoint or the ' +
      'end of its section, and all descriptions of the same endpoint count together. A response is a code block, ' +
      'the word "response"/"returns", or a 1xx-3xx status code; error cases are 4xx/5xx codes or the words ' +
      '"error"/"failure". HTTP status numbers count only with a reason phrase, "HTTP/1.1", "status", code ticks or ' +
      'a table cell of their own, so "200 ms" is not a status.',
    bad: '## API\n\n### `POST /v1/orders`\n\nCreates an order from the cart.',
    good: '## API\n\n### `POST /v1/orders`\n\nCreates an order from the cart.\n\nResponse `201 Created`:\n\n```json\n{ "id": "ord_123", "status": "pending" }\n```\n\nErrors: `409 Conflict` when the cart is already ordered, `422` for an empty cart.',
    sources: ['OpenAPI Specification 3.1: Responses Object'],
  },
  check(model: SpecModel): RawFinding[] {
    const mentions = findMentions(model);
    // Most specs mention no endpoint; copying the whole text is then wasted work.
    if (mentions.length === 0) return [];
    const evidenceText = withoutComments(model);
    const endpoints: Endpoint[] = [];
    mentions.forEach((mention, index) => {
      const endpoint = endpointFor(endpoints, mention);
      const extentEnd = extentEndOf(mentions, index);
      collectEvidence(model, evidenceText, mention, extentEnd, endpoint.evidence);
    });
    return endpoints.flatMap((endpoint) => report(model, endpoint));
  },
};

/** HTML comments hold template guidance ("response example, status codes, errors"), not content. */
function withoutComments(model: SpecModel): string {
  const parts: string[] = [];
  let position = 0;
  for (const comment of model.htmlComments) {
    parts.push(model.text.slice(position, comment.startOffset), model.text.slice(comment.startOffset, comment.endOffset).replace(/[^\r\n]/g, ' '));
    position = comment.endOffset;
  }
  parts.push(model.text.slice(position));
  return parts.join('');
}

function findMentions(model: SpecModel): Mention[] {
  const codeBlocks = new OffsetIntervals(model.codeBlocks.map((block) => rangeOffsets(model, block.range)));
  const guidance = new OffsetIntervals([
    ...model.htmlComments.map((comment) => ({ start: comment.startOffset, end: comment.endOffset })),
    ...(model.frontMatter ? [{ start: model.frontMatter.startOffset, end: model.frontMatter.endOffset }] : []),
  ]);
  const mentions: Mention[] = [];
  for (const { match, start } of matchesOf(METHOD_AND_PATH, model.text)) {
    if (guidance.overlaps(start)) continue;
    const section = sectionAt(model, start);
    if (!section || !inSection(section, ['api-contract'])) continue;
    const path = match[2].replace(/[.,;:!?*_]+$/, '');
    const prefix = model.text.slice(model.text.lastIndexOf('\n', start - 1) + 1, start);
    mentions.push({
      method: match[1],
      path,
      start,
      end: start + match[0].length - (match[2].length - path.length),
      // In a code block only a request line (`GET /x HTTP/1.1`) defines; `curl -X GET ...` cites.
      defining: codeBlocks.overlaps(start) ? /^\s*$/.test(prefix) : LINE_PREFIX.test(prefix),
      sectionEnd: rangeOffsets(model, section.bodyRange).end,
    });
  }
  return mentions;
}

/**
 * A defining mention describes the endpoint until the next defining mention; a mention cited
 * mid-sentence only until the next mention of any kind.
 */
function extentEndOf(mentions: Mention[], index: number): number {
  const mention = mentions[index];
  const next = mentions.slice(index + 1).find((other) => other.defining || !mention.defining);
  return Math.min(next ? next.start : Number.MAX_SAFE_INTEGER, mention.sectionEnd);
}

/** `/orders/{id}`, `/orders/:id` and `/orders/123` are the same endpoint. */
function endpointFor(endpoints: Endpoint[], mention: Mention): Endpoint {
  const segments = mention.path.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/');
  const existing = endpoints.find((endpoint) => endpoint.method === mention.method && samePath(endpoint.segments, segments));
  if (existing) {
    existing.mentions.push(mention);
    return existing;
  }
  const endpoint: Endpoint = { method: mention.method, label: `${mention.method} ${mention.path}`, segments, mentions: [mention], evidence: new Set() };
  endpoints.push(endpoint);
  return endpoint;
}

function samePath(a: string[], b: string[]): boolean {
  const isParameter = (segment: string) => /^(?:\{.*\}|:\w+|<.*>|\d+|[0-9a-f-]{8,})$/i.test(segment);
  return a.length === b.length && a.every((segment, index) => segment === b[index] || isParameter(segment) || isParameter(b[index]));
}

function collectEvidence(model: SpecModel, text: string, mention: Mention, extentEnd: number, evidence: Endpoint['evidence']): void {
  const extent = text.slice(mention.end, extentEnd);
  // A block that starts after the mention is an example; the block holding a request line is not.
  const hasExample = model.codeBlocks.some((block) => {
    const { start } = rangeOffsets(model, block.range);
    return block.fenced && start >= mention.end && start < extentEnd;
  });
  if (hasExample || RESPONSE_WORDS.test(extent)) evidence.add('response');
  if (ERROR_WORDS.test(extent)) evidence.add('errors');
  for (const { match } of matchesOf(STATUS_CODE, extent)) {
    // An error code alone does not say what a successful call returns.
    const code = match.slice(1).find((group) => group !== undefined) ?? '';
    evidence.add(code.startsWith('4') || code.startsWith('5') ? 'errors' : 'status');
  }
}

function report(model: SpecModel, endpoint: Endpoint): RawFinding[] {
  const missing: Missing[] = [];
  if (!endpoint.evidence.has('response') && !endpoint.evidence.has('status')) missing.push('response');
  if (!endpoint.evidence.has('errors')) missing.push('errors');
  if (missing.length === 0) return [];
  const first = endpoint.mentions[0];
  const what = missing.map((item) => (item === 'response' ? 'no response example or success status' : 'no error cases')).join(' and ');
  return [{
    message: `Endpoint "${endpoint.label}" has ${what}: add them so the contractor knows what to return and when.`,
    range: rangeFromOffsets(model, first.start, first.end),
    data: { endpoint: endpoint.label, missing },
  }];
}
