import { apiFormatName, endpointMentions, fileOperationsAt, httpDescriptions, linksTo, messageDescriptions, messageInFiles, operationFor, operationsAt, type ApiDescription, type ApiOperation } from '../model/api-description';
import { interfacesOf } from '../model/interfaces';
import type { SpecModel } from '../model/types';
import type { RawFinding, Rule, RuleContext } from './types';

/** Up to this many unmentioned operations are reported one by one; more are summed up in one hint. */
const MAX_LISTED = 5;

export const apiFileMismatch: Rule<ApiFileMismatchData> = {
  id: 'api-file-mismatch',
  defaultSeverity: 'warning',
  dimension: 'contract',
  scoreRole: 'integrity',
  docs: {
    description: 'An endpoint or message the spec describes that the linked OpenAPI or AsyncAPI file lacks, or an operation or channel of the file the spec never mentions.',
    summary: 'Cross-checks the endpoints and messages a spec describes against the linked OpenAPI, Swagger or AsyncAPI file: an endpoint or message the file lacks is a warning, an operation or channel of the file the spec never mentions a hint.',
    rationale:
      'A spec and its OpenAPI file drift apart: the spec adds `POST /refunds/{id}/cancel` and nobody adds it to the ' +
      'file, or the file grows operations the spec never scoped. The contractor builds from one of them and the ' +
      'other one is wrong. Each endpoint the spec describes (`METHOD /path` in a heading, list, table or the contract, ' +
      'as `interface-incomplete` reads them) must be an operation of a linked OpenAPI 3.x or Swagger 2.0 file; path ' +
      'parameters match whatever their names (`{id}` and `{refundId}`), and the path prefix of the file\'s servers ' +
      '(`/v1` of `https://api.example.com/v1`, or Swagger\'s `basePath`) may be written in the spec or not. An operation ' +
      'of the file that the spec mentions nowhere, neither as `METHOD /path` nor by its `operationId`, is a hint on the ' +
      'link: say whether it is in scope. More than five such operations are reported as one hint. Messages are checked ' +
      'against a linked AsyncAPI 2 or 3 file in the same way: a message the spec describes under its own heading is ' +
      'looked up by the names it goes by (the code spans of its heading, then those of its own text, such as the topic): ' +
      'a message of the file (`components.messages` or a channel\'s `messages`) with that name, else a channel with that ' +
      'address. None found is a warning at the heading; a channel whose address and messages the spec never writes is a ' +
      'hint on the link.',
    bad: 'The contract is [openapi.yaml](openapi.yaml).\n\n### POST /v1/refunds/{id}/cancel\n\n<!-- openapi.yaml has POST /refunds and GET /refunds/{id} under https://api.example.com/v1 -->',
    good: 'The contract is [openapi.yaml](openapi.yaml): `POST /v1/refunds` creates a refund, `GET /v1/refunds/{id}` reads one.',
    sources: ['OpenAPI Specification 3.1: Paths Object and Path Templating'],
  },
  check(model: SpecModel, context: RuleContext): RawFinding<ApiFileMismatchData>[] {
    const findings = asyncMismatches(model, messageDescriptions(context.apiFiles).filter((file) => file.operations.length > 0));
    // A file without operations (only shared components) is a schema library, not the API to compare with.
    const files = httpDescriptions(context.apiFiles).filter((file) => file.operations.length > 0);
    if (files.length === 0) return findings;
    for (const spec of interfacesOf(model).interfaces) {
      if (spec.kind !== 'endpoint' || !spec.method || !spec.path) continue;
      if (operationFor(files, spec.method, spec.path)) continue;
      const samePath = [...new Set(operationsAt(files, spec.path).map(({ operation }) => operation.method))];
      const where = files.length === 1 ? `the linked ${apiFormatName(files[0])} file ${files[0].key}` : `any of the linked API files (${files.map((file) => file.key).join(', ')})`;
      findings.push({
        message: `Endpoint "${spec.label}" is not in ${where}${samePath.length > 0 ? ` (it has ${samePath.join(', ')} for that path)` : ''}: add it to the file, or correct the method or path in the spec.`,
        range: spec.range,
        data: { endpoint: spec.label, files: files.map((file) => file.key) },
      });
    }
    const mentions = endpointMentions(model);
    const words = new Set(model.text.match(WORD) ?? []);
    for (const file of files) {
      const link = linksTo(model, file.key)[0];
      if (!link) continue;
      // Each mention looked up in the file's path index: the operations the spec names, by identity.
      const mentioned = new Set(mentions.flatMap((mention) => fileOperationsAt(file, mention.path).filter((operation) => operation.method === mention.method)));
      const unmentioned = file.operations.filter((operation) => !mentioned.has(operation) && !mentionsId(model, words, operation));
      const listed = unmentioned.length > MAX_LISTED ? [] : unmentioned;
      for (const operation of listed) {
        findings.push({
          message: `The linked ${apiFormatName(file)} file ${file.key} defines ${name(operation)}, which the spec never mentions: say whether it is in scope.`,
          range: link.range,
          severity: 'hint',
          data: { file: file.key, operation: `${operation.method} ${operation.path}`, ...(operation.at ? { line: operation.at.line } : {}) },
        });
      }
      if (unmentioned.length > MAX_LISTED) {
        findings.push({
          message: `The linked ${apiFormatName(file)} file ${file.key} defines ${unmentioned.length} operations the spec never mentions (${unmentioned.slice(0, 3).map(name).join(', ')}, …): say which are in scope.`,
          range: link.range,
          severity: 'hint',
          data: { file: file.key, operations: unmentioned.map((operation) => `${operation.method} ${operation.path}`) },
        });
      }
    }
    return findings;
  },
};

/**
 * Messages the spec describes against the channels of linked AsyncAPI files: a message no file
 * has (by its name or its channel) is a warning at its heading; a channel whose address and
 * messages the spec never writes is a hint on the link.
 */
function asyncMismatches(model: SpecModel, files: ApiDescription[]): RawFinding<ApiFileMismatchData>[] {
  if (files.length === 0) return [];
  const findings: RawFinding<ApiFileMismatchData>[] = [];
  for (const spec of interfacesOf(model).interfaces) {
    if (spec.kind !== 'message' || !spec.names || spec.names.length === 0) continue;
    if (messageInFiles(files, spec.names)) continue;
    const where = files.length === 1 ? `the linked ${apiFormatName(files[0])} file ${files[0].key}` : `any of the linked AsyncAPI files (${files.map((file) => file.key).join(', ')})`;
    findings.push({
      message: `Message "${spec.label}" is not in ${where} (no channel or message named ${spec.names.slice(0, 3).map((n) => `\`${n}\``).join(', ')}): add it to the file, or correct the name in the spec.`,
      range: spec.range,
      data: { message: spec.label, files: files.map((file) => file.key) },
    });
  }
  const text = model.text.toLowerCase();
  for (const file of files) {
    const link = linksTo(model, file.key)[0];
    if (!link) continue;
    const written = (name: string) => name.length > 1 && text.includes(name.replace(/^\/+/, '').toLowerCase());
    const unmentioned = file.operations.filter((channel) => !written(channel.path) && !Object.keys(channel.responseSchemas).some(written));
    for (const channel of unmentioned.slice(0, MAX_LISTED)) {
      findings.push({
        message: `The linked ${apiFormatName(file)} file ${file.key} defines the channel ${channel.path}, which the spec never mentions: say whether it is in scope.`,
        range: link.range,
        severity: 'hint',
        data: { file: file.key, channel: channel.path, ...(channel.at ? { line: channel.at.line } : {}) },
      });
    }
    if (unmentioned.length > MAX_LISTED) {
      findings.push({
        message: `The linked ${apiFormatName(file)} file ${file.key} defines ${unmentioned.length - MAX_LISTED} more channels the spec never mentions: say which are in scope.`,
        range: link.range,
        severity: 'hint',
        data: { file: file.key, channels: unmentioned.slice(MAX_LISTED).map((channel) => channel.path) },
      });
    }
  }
  return findings;
}

function name(operation: ApiOperation): string {
  return `${operation.method} ${operation.path}${operation.operationId ? ` (${operation.operationId})` : ''}`;
}

/** Words as an operationId is written: letters, digits, `_` and `-`. */
const WORD = /[\w-]+/g;

/** The spec names the operation by its operationId, as a whole word. */
function mentionsId(model: SpecModel, words: ReadonlySet<string>, operation: ApiOperation): boolean {
  const id = operation.operationId;
  if (!id) return false;
  if (/^[\w-]+$/.test(id)) return words.has(id);
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`).test(model.text);
}

/** What a finding of this rule carries in `data`. */
export type ApiFileMismatchData = {
  /** The endpoint the linked files lack, or the file with an operation the spec does not mention. */
  endpoint?: string;
  files?: string[];
  file?: string;
  operation?: string;
  operations?: string[];
  line?: number;
  /** A message of the spec that no linked AsyncAPI file has. */
  message?: string;
  /** A channel of a linked AsyncAPI file that the spec never mentions, or more of them. */
  channel?: string;
  channels?: string[];
};
