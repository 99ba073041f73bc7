import { apiFormatName, httpDescriptions, messageDescriptions, messageInFiles, operationFor, type ApiDescription, type ApiOperation } from '../model/api-description';
import { interfacesOf } from '../model/interfaces';
import { classifyLinkTarget } from '../model/link-targets';
import { rangeFromOffsets } from '../model/text';
import type { CodeBlock, SpecModel } from '../model/types';
import type { RawFinding, Rule, RuleContext } from './types';

/** Errors reported per example; the first ones say enough. */
const MAX_ERRORS = 5;

export const invalidExample: Rule<InvalidExampleData> = {
  id: 'invalid-example',
  defaultSeverity: 'warning',
  dimension: 'contract',
  scoreRole: 'integrity',
  docs: {
    description: 'A JSON example that does not validate against the schema it names in a linked OpenAPI, AsyncAPI or JSON Schema file.',
    summary: 'Reports a JSON example in the spec that does not validate against the schema it names in a linked OpenAPI, AsyncAPI or JSON Schema file, at the failing property.',
    rationale:
      'Examples are what a contractor copies into tests and mocks. An example that contradicts the schema (a ' +
      'missing required field, a string where the file says integer, a status outside the enum) means one of the two ' +
      'is wrong, and the contractor finds out when the generated client rejects the response. A JSON code block is ' +
      'checked when it names what it shows: a request or response example under an endpoint the linked OpenAPI or ' +
      'Swagger file defines (the request body schema, or the response schema of the status written before the block, ' +
      'else of the first 2xx response), or a block introduced by a line that names a schema of a linked file ' +
      '(`Refund`, in code or as a word) or links a JSON Schema file. Validation is JSON Schema validation with ajv: ' +
      'OpenAPI 3.0 and Swagger 2.0 schemas as draft 7 with `nullable`, OpenAPI 3.1 and 2020-12 schemas as 2020-12, ' +
      'formats such as `date-time`, `uuid` and `email` checked. Each error is reported at the line of the failing ' +
      'property, with its JSON path. A JSON block in the section of a message that a linked AsyncAPI file has (see ' +
      '`api-file-mismatch`) is checked against that message\'s payload schema. Blocks that are not valid JSON are left to `invalid-code-block`.',
    bad: '### POST /v1/refunds\n\nRequest ([openapi.yaml](openapi.yaml) requires an integer `amount` of at least 1):\n\n```json\n{ "paymentId": "pay_1", "amount": "12.50" }\n```',
    good: '### POST /v1/refunds\n\nRequest ([openapi.yaml](openapi.yaml) requires an integer `amount` of at least 1):\n\n```json\n{ "paymentId": "pay_1", "amount": 1250 }\n```',
    sources: ['JSON Schema 2020-12: Validation', 'OpenAPI Specification 3.1: Schema Object'],
  },
  check(model: SpecModel, context: RuleContext): RawFinding<InvalidExampleData>[] {
    const files = [...(context.apiFiles?.values() ?? [])].filter((file) => file.validate);
    if (files.length === 0) return [];
    const findings: RawFinding<InvalidExampleData>[] = [];
    const checked = new Set<CodeBlock>();
    const http = httpDescriptions(context.apiFiles);
    for (const spec of interfacesOf(model).interfaces) {
      if (spec.kind !== 'endpoint' || !spec.method || !spec.path) continue;
      const found = operationFor(http, spec.method, spec.path);
      if (!found) continue;
      for (const example of spec.examples) {
        const target = example.role === 'request' ? request(found.operation) : response(found.operation, example.status);
        if (!target) continue;
        checked.add(example.block);
        findings.push(...validateBlock(model, example.block, found.file, target.pointer,
          `This ${example.role} example does not match the schema of ${found.operation.method} ${found.operation.path}${target.status ? ` (${target.status})` : ''}`));
      }
    }
    // A message's JSON examples (in its own section) against the payload of the message a linked AsyncAPI file gives it.
    const async = messageDescriptions(context.apiFiles);
    for (const spec of interfacesOf(model).interfaces) {
      if (spec.kind !== 'message' || !spec.names || !spec.section || async.length === 0) continue;
      const found = messageInFiles(async, spec.names);
      if (!found?.payload) continue;
      const section = spec.section;
      for (const block of model.codeBlocks) {
        if (block.section !== section || checked.has(block) || !isJsonBlock(block)) continue;
        checked.add(block);
        const what = found.channel && found.channel.path === found.name ? `the message of channel ${found.name}` : `the message ${found.name}${found.channel ? ` of channel ${found.channel.path}` : ''}`;
        findings.push(...validateBlock(model, block, found.file, found.payload, `This payload example does not match ${what}`));
      }
    }
    for (const block of model.codeBlocks) {
      if (checked.has(block) || !isJsonBlock(block)) continue;
      const lead = leadLines(model, block);
      for (const file of files) {
        const schema = namedSchema(lead, file);
        if (!schema) continue;
        findings.push(...validateBlock(model, block, file, schema.pointer, `This example does not match ${schema.name}`));
        break;
      }
    }
    return findings;
  },
};

function request(operation: ApiOperation): { pointer: string; status?: string } | undefined {
  return operation.requestSchema ? { pointer: operation.requestSchema } : undefined;
}

function response(operation: ApiOperation, status: string | undefined): { pointer: string; status?: string } | undefined {
  const schemas = operation.responseSchemas;
  if (status) {
    const key = [status, `${status[0]}XX`, `${status[0]}xx`].find((candidate) => schemas[candidate]);
    return key ? { pointer: schemas[key], status: key } : undefined;
  }
  const success = Object.keys(schemas).filter((key) => /^2/.test(key)).sort()[0];
  return success ? { pointer: schemas[success], status: success } : undefined;
}

function isJsonBlock(block: CodeBlock): boolean {
  if (!block.fenced) return false;
  if (['json', 'jsonc', 'json5'].includes(block.language)) return true;
  return block.language === '' && /^\s*[{[]/.test(block.content);
}

/** The lines that introduce a block: up to two non-blank lines before it. */
function leadLines(model: SpecModel, block: CodeBlock): string {
  const lines: string[] = [];
  for (let line = block.range.start.line - 1; line >= 0 && lines.length < 2; line--) {
    const text = model.text.slice(model.lineStarts[line], model.lineStarts[line + 1] ?? model.text.length).trim();
    if (text === '') continue;
    if (/^(?:```|~~~)/.test(text)) break;
    lines.push(text);
    if (text.startsWith('#')) break;
  }
  return lines.join('\n');
}

/** A schema of the file that the lines before a block name: a link to a JSON Schema file, or a schema name. */
function namedSchema(lead: string, file: ApiDescription): { pointer: string; name: string } | undefined {
  if (file.format === 'json-schema' && linksIn(lead).includes(file.key)) return { pointer: '', name: `the linked JSON Schema file ${file.key}` };
  for (const [name, pointer] of Object.entries(file.schemas)) {
    if (name.length < 3) continue;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // In code ("`Refund`") or as a capitalised word ("a Refund object"); never a lower-case word of the prose.
    const named = new RegExp(`\`${escaped}\`|(?<![\\w-])${escaped}(?![\\w-])`).test(lead) && (/^[A-Z]/.test(name) || lead.includes(`\`${name}\``));
    if (named) return { pointer, name: `the schema ${name} in the linked ${apiFormatName(file)} file ${file.key}` };
  }
  return undefined;
}

function linksIn(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => classifyLinkTarget(match[1])).flatMap((target) => (target.kind === 'local' ? [target.path] : []));
}

function validateBlock(model: SpecModel, block: CodeBlock, file: ApiDescription, pointer: string, lead: string): RawFinding<InvalidExampleData>[] {
  let value: unknown;
  try {
    value = JSON.parse(block.content);
  } catch {
    return []; // invalid-code-block reports it
  }
  const errors = file.validate?.(pointer, value);
  if (!errors || errors.length === 0) return [];
  const where = lead.includes('the linked ') ? '' : ` in the linked ${apiFormatName(file)} file ${file.key}`;
  return errors.slice(0, MAX_ERRORS).map((error) => ({
    message: `${lead}${where}: ${error.path === '' ? 'the value' : `\`${error.path}\``} ${error.message}.`,
    range: errorRange(model, block, error.path),
    data: { file: file.key, pointer, path: error.path },
  }));
}

/** The line of the failing property in the block (its last named key), else the block's first line. */
function errorRange(model: SpecModel, block: CodeBlock, path: string) {
  const key = path.split('/').slice(1).reverse().find((segment) => !/^\d+$/.test(segment));
  const start = block.contentStartOffset;
  if (key !== undefined) {
    const quoted = JSON.stringify(key.replace(/~1/g, '/').replace(/~0/g, '~'));
    const index = block.content.indexOf(`${quoted}`);
    if (index >= 0) return rangeFromOffsets(model, start + index, start + index + quoted.length);
  }
  const firstLineEnd = block.content.indexOf('\n');
  return rangeFromOffsets(model, start, start + (firstLineEnd === -1 ? block.content.length : firstLineEnd));
}

/** What a finding of this rule carries in `data`. */
export type InvalidExampleData = {
  file: string;
  pointer: string;
  path: string;
};
