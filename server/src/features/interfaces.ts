/**
 * Editor views of the interface model, as pure functions: the hover on an interface (what it
 * has and lacks) and the line above each contract section ("4 endpoints · 1 without error
 * cases"). The language server only wraps them in LSP types.
 */
import { interfacesOf, kindNoun, PART_LABELS, type InterfaceKind, type InterfacePart, type InterfaceSpec } from '../model/interfaces';
import { containsPosition } from '../model/text';
import type { Position, Range, Section, SpecModel } from '../model/types';

/** The interface whose mention holds the position, if any. */
export function interfaceAt(model: SpecModel, position: Position): InterfaceSpec | undefined {
  return interfacesOf(model).interfaces.find((spec) => spec.mentions.some((range) => containsPosition(range, position)));
}

/** Markdown for the hover on an interface: kind, what it has (with lines) and what it lacks. */
export function interfaceHover(spec: InterfaceSpec): string {
  const applicable: InterfacePart[] = [...spec.required, ...spec.recommended];
  if (spec.kind === 'endpoint') applicable.splice(applicable.indexOf('errors'), 0, 'status');
  if (spec.parts.limits) applicable.push('limits');
  const has = applicable.filter((part) => spec.parts[part]);
  const lacks = applicable.filter((part) => !spec.parts[part] && part !== 'status');
  const lines = [`**${escape(spec.label)}** · ${kindNoun(spec.kind, 1)}`, ''];
  if (has.length > 0) {
    lines.push('Has:', '', ...has.map((part) => `- ${detail(spec, part)} (line ${(spec.parts[part] as Range).start.line + 1})`), '');
  }
  if (lacks.length > 0) {
    lines.push('Lacks:', '', ...lacks.map((part) => `- ${PART_LABELS[part]}${spec.required.includes(part) ? '' : ' *(usually needed)*'}`));
  } else {
    lines.push('Nothing a builder needs is missing.');
  }
  return lines.join('\n').trimEnd();
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

/** One lens per contract section that holds interfaces: counts by kind, then the gaps by part. */
export function contractLenses(model: SpecModel): ContractLens[] {
  const { interfaces, contractSections, fields } = interfacesOf(model);
  const lenses: ContractLens[] = [];
  for (const section of contractSections) {
    const inside = interfaces.filter((spec) => within(section, spec.range));
    if (inside.length === 0) continue;
    const counts = new Map<InterfaceKind, number>();
    for (const spec of inside) counts.set(spec.kind, (counts.get(spec.kind) ?? 0) + 1);
    const parts: string[] = [...counts].map(([kind, count]) => `${count} ${kindNoun(kind, count)}`);
    const gaps = new Map<InterfacePart, number>();
    for (const spec of inside) for (const part of spec.missing) gaps.set(part, (gaps.get(part) ?? 0) + 1);
    for (const [part, count] of gaps) parts.push(`${count} ${GAP_WORDS[part] ?? `without ${PART_LABELS[part]}`}`);
    const untyped = fields.filter((field) => field.type === undefined && within(section, field.range)).length;
    if (untyped > 0) parts.push(`${untyped} untyped field${untyped === 1 ? '' : 's'}`);
    const firstGap = inside.find((spec) => spec.missing.length > 0);
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
