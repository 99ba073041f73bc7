import { apiFormatName, linksTo, type ApiDescription, type ApiProblem } from '../model/api-description';
import type { SpecModel } from '../model/types';
import type { RawFinding, Rule, RuleContext } from './types';

export const invalidApiFile: Rule<InvalidApiFileData> = {
  id: 'invalid-api-file',
  defaultSeverity: 'warning',
  dimension: 'contract',
  scoreRole: 'integrity',
  docs: {
    description: 'Problems in a linked OpenAPI, Swagger, AsyncAPI or JSON Schema file (invalid structure, unresolved $ref, malformed YAML or JSON), reported on the link.',
    summary: 'Reports problems in a linked OpenAPI, Swagger, AsyncAPI or JSON Schema file on the link that points at it.',
    rationale:
      'When a spec links an API description, that file is the contract a contractor generates clients and servers ' +
      'from. A file that does not parse, misses a required field, points a `$ref` at nothing or reuses an operation id ' +
      'breaks the first tool they run it through. SpecReady reads every YAML or JSON file the spec links: files with an ' +
      '`openapi`, `swagger` or `asyncapi` version field are validated against their specification (OpenAPI 3.0/3.1, ' +
      'Swagger 2.0, AsyncAPI 2.x/3.0: structure, unresolved `$ref`s, unique operation ids and parameters, declared path ' +
      'parameters), files with a `$schema` or a top-level schema are checked as JSON Schema. Each problem is reported ' +
      'on the link with its line in the file. A YAML or JSON file that is neither is ignored, unless the link says it ' +
      'is an API description ("OpenAPI", "schema", `openapi.yaml`): then a file that cannot be parsed is reported too. ' +
      '`$ref`s to other local files (`$ref: schemas/refund.yaml#/Refund`) are followed: a missing file is reported at ' +
      'its `$ref`, a problem inside a referenced file with that file and line. ' +
      'Files above 8 MB are not parsed. Only files on disk are read (relative to the spec, or to the project root for ' +
      '`/api/openapi.yaml`); in the editor an open, unsaved file counts with its current text, and editing or saving ' +
      'the file, or a file it references, checks the spec again.',
    bad: 'The contract is [openapi.yaml](api/openapi.yaml).\n\n<!-- api/openapi.yaml: a 200 response without a description -->',
    good: 'The contract is [openapi.yaml](api/openapi.yaml).\n\n<!-- api/openapi.yaml: valid OpenAPI 3.1 -->',
    sources: ['OpenAPI Specification 3.1', 'Swagger (OpenAPI) 2.0', 'AsyncAPI Specification 3.0', 'JSON Schema 2020-12'],
  },
  check(model: SpecModel, context: RuleContext): RawFinding<InvalidApiFileData>[] {
    const findings: RawFinding<InvalidApiFileData>[] = [];
    for (const description of context.apiFiles?.values() ?? []) {
      const link = linksTo(model, description.key)[0];
      if (!link || description.problems.length === 0) continue;
      for (const problem of description.problems) {
        findings.push({
          message: `${subject(description)} ${where(description, problem)}: ${sentence(problem.message)}`,
          range: link.range,
          data: {
            file: description.key,
            code: problem.code,
            ...(problem.file ? { referencedFile: referencedPath(description.key, problem.file) } : {}),
            ...(problem.at ? { line: problem.at.line, character: problem.at.character } : {}),
          },
        });
      }
    }
    return findings;
  },
};

function subject(description: ApiDescription): string {
  const name = apiFormatName(description);
  return `The linked ${name ? `${name} ` : ''}file ${description.key}`;
}

/** Where the problem is: a line of the linked file, a line of a file it references, or the whole file. */
function where(description: ApiDescription, problem: ApiProblem): string {
  if (problem.file) return `has a problem ${problem.at ? `at line ${problem.at.line + 1} ` : ''}of ${referencedPath(description.key, problem.file)}, which it references`;
  return problem.at ? `has a problem at line ${problem.at.line + 1}` : 'cannot be used';
}

/** A referenced file's path as the spec would link it: from the spec's folder, through the linked file's folder. */
function referencedPath(key: string, file: string): string {
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(file)) return file;
  const parts: string[] = [];
  for (const part of [...key.split('/').slice(0, -1), ...file.split('/')]) {
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return `${key.startsWith('/') ? '/' : ''}${parts.join('/')}`;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** What a finding of this rule carries in `data`. */
export type InvalidApiFileData = {
  file: string;
  code: string;
  /** The file the problem is in when it is one the linked file references (path from the spec's folder); `line` is then in that file. */
  referencedFile?: string;
  line?: number;
  character?: number;
};
