/**
 * Editor views of the interface model, as pure functions: the hover on an interface (what it
 * has and lacks) and the line above each contract section ("4 endpoints · 1 without error
 * cases"). The language server only wraps them in LSP types.
 */
import { interfacesOf, kindNoun, PART_LABELS, type InterfaceKind, type InterfacePart, type InterfaceSpec } from '../model/interfaces';
import { apiFormatName, interfaceInFiles, type ApiDescription, type ApiFilePosition, type ApiOperation } from '../model/api-description';
import { containsPosition } from '../model/text';
import type { Position, Range, Section, SpecModel } from '../model/types';

/** The interface whose mention holds the position, if any. */
export function interfaceAt(model: SpecModel, position: Position): InterfaceSpec | undefined {
  return interfacesOf(model).interfaces.find((spec) => spec.mentions.some((range) => containsPosition(range, position)));
}

/**
 * Markdown for the hover on an interface: kind, where a linked OpenAPI or Swagger file defines it
 * (an endpoint) or a linked AsyncAPI file (a message), or that none does, what it has (with lines,
 * in the spec or in the file) and what it lacks.
 */
export function interfaceHover(spec: InterfaceSpec, apiFiles?: ReadonlyMap<string, ApiDescription>): string {
  const { files, found, given } = interfaceInFiles(spec, apiFiles);
  const operation = found?.operation;
  const applicable: InterfacePart[] = [...spec.required, ...spec.recommended];
  if (spec.kind === 'endpoint') applicable.splice(applicable.indexOf('errors'), 0, 'status');
  if (spec.parts.limits) applicable.push('limits');
  const has = applicable.filter((part) => spec.parts[part] || given.has(part));
  const lacks = applicable.filter((part) => !spec.parts[part] && !given.has(part) && part !== 'status');
  const lines = [`**${escape(spec.label)}** · ${kindNoun(spec.kind, 1)}`, ''];
  if (found) {
    lines.push(`In ${fileName(found.file)} as ${escape(found.name)}${lineIn(found.at)}.`, '');
  } else if (files.length > 0) {
    lines.push(`Not in ${files.map(fileName).join(' or ')}.`, '');
  }
  if (has.length > 0) {
    lines.push('Has:', '', ...has.map((part) => {
      const range = spec.parts[part];
      if (range) return `- ${detail(spec, part)} (line ${range.start.line + 1})`;
      return `- ${operation ? fileDetail(operation, part) : PART_LABELS[part]} (${found ? `${escape(found.file.key)}${lineIn(found.at, ', line ')}` : 'linked file'})`;
    }), '');
  }
  if (lacks.length > 0) {
    lines.push('Lacks:', '', ...lacks.map((part) => `- ${PART_LABELS[part]}${spec.required.includes(part) ? '' : ' *(usually needed)*'}`));
  } else {
    lines.push('Nothing a builder needs is missing.');
  }
  return lines.join('\n').trimEnd();
}

function fileName(file: ApiDescription): string {
  return `the linked ${apiFormatName(file) ?? 'API'} file ${escape(file.key)}`;
}

/** ", line 24" of the definition in its file (1-based), or nothing when the validator gave no position. */
function lineIn(at: ApiFilePosition | undefined, prefix = ', line '): string {
  return at ? `${prefix}${at.line + 1}` : '';
}

/** A part as the file gives it: the documented status codes for status and errors. */
function fileDetail(operation: ApiOperation, part: InterfacePart): string {
  const success = operation.responses.filter((code) => !/^[45]/.test(code));
  const failure = operation.responses.filter((code) => /^[45]/.test(code));
  if (part === 'status' && success.length > 0) return `${PART_LABELS.status}: ${success.join(', ')}`;
  if (part === 'errors' && failure.length > 0) return `${PART_LABELS.errors}: ${failure.join(', ')}`;
  return PART_LABELS[part];
}

function detail(spec: InterfaceSpec, part: InterfacePart): string {
  if (part === 'status' && spec.statusCodes.length > 0) {
    return `${PART_LABELS.status}: ${spec.statusCodes.filter((code) => !/^[45]/.test(code)).join(', ') || 'none for success'}`;
  }
  if (part === 'errors' && spec.statusCodes.some((code) => /^[45]/.test(code))) {
    return `${PART_LABELS.errors}: ${spec.statusCodes.filter((code) => /^[45]/.test(code)).join(', ')}`;
  }
  return PART_LABELS[part];
}

export interface ContractLens {
  /** The contract section heading the lens sits above. */
  range: Range;
  title: string;
  /** Where clicking goes: the first interface with a gap, else the heading. */
  target: Range;
}

const GAP_WORDS: Partial<Record<InterfacePart, string>> = {
  request: 'without a request',
  response: 'without a response',
  errors: 'without error cases',
  payload: 'without a payload',
  format: 'without a format',
  schedule: 'without a schedule',
  output: 'without an output',
};

/**
 * One lens per contract section that holds interfaces: counts by kind, then the gaps by part
 * (parts a linked OpenAPI, Swagger or AsyncAPI file gives are no gaps), the endpoints and
 * messages no linked file has, and the untyped fields.
 */
export function contractLenses(model: SpecModel, apiFiles?: ReadonlyMap<string, ApiDescription>): ContractLens[] {
  const { interfaces, contractSections, fields } = interfacesOf(model);
  const lenses: ContractLens[] = [];
  for (const section of contractSections) {
    const inside = interfaces.filter((spec) => within(section, spec.range));
    if (inside.length === 0) continue;
    const counts = new Map<InterfaceKind, number>();
    for (const spec of inside) counts.set(spec.kind, (counts.get(spec.kind) ?? 0) + 1);
    const parts: string[] = [...counts].map(([kind, count]) => `${count} ${kindNoun(kind, count)}`);
    const gaps = new Map<InterfacePart, number>();
    const gapped: InterfaceSpec[] = [];
    const absent: InterfaceSpec[] = [];
    const searched = new Map<string, ApiDescription>();
    for (const spec of inside) {
      const inFiles = interfaceInFiles(spec, apiFiles);
      const missing = spec.missing.filter((part) => !inFiles.given.has(part));
      for (const part of missing) gaps.set(part, (gaps.get(part) ?? 0) + 1);
      if (missing.length > 0) gapped.push(spec);
      const named = spec.kind === 'endpoint' ? !!(spec.method && spec.path) : (spec.names?.length ?? 0) > 0;
      if (inFiles.files.length > 0 && !inFiles.found && named) {
        absent.push(spec);
        for (const file of inFiles.files) searched.set(file.key, file);
      }
    }
    for (const [part, count] of gaps) parts.push(`${count} ${GAP_WORDS[part] ?? `without ${PART_LABELS[part]}`}`);
    if (absent.length > 0) parts.push(`${absent.length} not in ${searched.size === 1 ? [...searched.keys()][0] : 'the linked API files'}`);
    const untyped = fields.filter((field) => field.type === undefined && within(section, field.range)).length;
    if (untyped > 0) parts.push(`${untyped} untyped field${untyped === 1 ? '' : 's'}`);
    const firstGap = inside.find((spec) => gapped.includes(spec) || absent.includes(spec));
    lenses.push({ range: section.headingRange, title: parts.join(' · '), target: firstGap?.range ?? section.headingRange });
  }
  return lenses;
}

function within(section: Section, range: Range): boolean {
  return range.start.line >= section.headingRange.start.line && range.start.line <= section.bodyRange.end.line;
}

function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}
