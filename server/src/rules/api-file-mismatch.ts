import { apiFormatName, endpointMentions, fileOperationsAt, httpDescriptions, linksTo, operationFor, operationsAt, type ApiOperation } from '../model/api-description';
import { interfacesOf } from '../model/interfaces';
import type { SpecModel } from '../model/types';
import type { RawFinding, Rule, RuleContext } from './types';

/** Up to this many unmentioned operations are reported one by one; more are summed up in one hint. */
const MAX_LISTED = 5;

/** What a finding of this rule carries in `data`. */
export type ApiFileMismatchData = {
  /** The endpoint the linked files lack, or the file with an operation the spec does not mention. */
  endpoint?: string;
  files?: string[];
  file?: string;
  operation?: string;
  operations?: string[];
  line?: number;
};

export const apiFileMismatch: Rule<ApiFileMismatchData> = {
  id: 'api-file-mismatch',
  defaultSeverity: 'warning',
  dimension: 'contract',
  scoreRole: 'integrity',
  docs: {
    description: 'An endpoint the spec describes that the linked OpenAPI file lacks (warning), or an operation of the file the spec never mentions (hint).',
    summary: 'Cross-checks the endpoints a spec describes against the linked OpenAPI or Swagger file: an endpoint the file lacks is a warning, an operation of the file the spec never mentions a hint.',
    rationale:
      'A spec and its OpenAPI file drift apart: the spec adds `POST /refunds/{id}/cancel` and nobody adds it to the ' +
      'file, or the file grows operations the spec never scoped. The contractor builds from one of them and the ' +
      'other one is wrong. Each endpoint the spec describes (`METHOD /path` in a heading, list, table or the contract, ' +
      'as `interface-incomplete` reads them) must be an operation of a linked OpenAPI 3.x or Swagger 2.0 file; path ' +
      'parameters match whatever their names (`{id}` and `{refundId}`), and the path prefix of the file\'s servers ' +
      '(`/v1` of `https://api.example.com/v1`, or Swagger\'s `basePath`) may be written in the spec or not. An operation ' +
      'of the file that the spec mentions nowhere, neither as `METHOD /path` nor by its `operationId`, is a hint on the ' +
      'link: say whether it is in scope. More than five such operations are reported as one hint.',
    bad: 'The contract is [openapi.yaml](openapi.yaml).\n\n### POST /v1/refunds/{id}/cancel\n\n<!-- openapi.yaml has POST /refunds and GET /refunds/{id} under https://api.example.com/v1 -->',
    good: 'The contract is [openapi.yaml](openapi.yaml): `POST /v1/refunds` creates a refund, `GET /v1/refunds/{id}` reads one.',
    sources: ['OpenAPI Specification 3.1: Paths Object and Path Templating'],
  },
  check(model: SpecModel, context: RuleContext): RawFinding<ApiFileMismatchData>[] {
    // A file without operations (only shared components) is a schema library, not the API to compare with.
    const files = httpDescriptions(context.apiFiles).filter((file) => file.operations.length > 0);
    if (files.length === 0) return [];
    const findings: RawFinding<ApiFileMismatchData>[] = [];
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
