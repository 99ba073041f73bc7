/**
 * Templates in the layouts of spec-driven development tools (GitHub Spec Kit, Kiro, OpenSpec):
 * their own file names, headings, metadata lines and id styles, so that the tool and SpecReady
 * read the same file. As in our own templates, guidance sits in HTML comments and every place
 * the author still has to write is a hole (an HTML comment standing where content goes), which
 * the placeholder rule reports until it is filled. Sections the profile asks for that the tool's
 * layout has no place for follow the tool's own, marked "*(recommended)*". Pure text: no file system.
 */
import { sectionDefinition, type SectionId } from '../sections/catalog';
import { BUILTIN_PROFILES } from '../sections/profiles';
import { DOCUMENT_ORDER, sectionGuidance } from './guidance';

/** Built-in profiles whose template is written in their tool's layout. */
export const FORMAT_TEMPLATE_NAMES = ['spec-kit', 'kiro', 'design', 'openspec', 'openspec-change'] as const;
export type FormatTemplateName = (typeof FORMAT_TEMPLATE_NAMES)[number];

export function isFormatTemplate(name: string): name is FormatTemplateName {
  return (FORMAT_TEMPLATE_NAMES as readonly string[]).includes(name);
}

export interface FormatTemplateInput {
  title: string;
  /** The feature's folder name (Spec Kit's branch name, "001-refund-api"). */
  feature: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Front matter that opts the file in, for a file outside the tool's folders. */
  markAsSpec: boolean;
  /** An OpenSpec spec inside a change (changes/<change>/specs/...): a delta of ADDED requirements. */
  delta?: boolean;
}

/** Where an OpenSpec change keeps its spec deltas. */
export function isOpenSpecDelta(path: string): boolean {
  return /(?:^|[\\/])openspec[\\/]changes[\\/][^\\/]+[\\/]specs[\\/]/i.test(path);
}

/**
 * Where each tool keeps its files: a folder given to `specready new` gets the feature folder and
 * the file name of the layout, under the tool's own folder unless the folder given is that one.
 */
export interface FormatLayout {
  /** The tool's folder, relative to the project: "specs", ".kiro/specs", "openspec/specs". */
  home: string;
  /** Matches a folder path (forward slashes) that already is the tool's folder. */
  isHome: RegExp;
  fileName: string;
  /** Spec Kit numbers its feature folders: 001-refund-api. */
  numbered: boolean;
}

export const FORMAT_LAYOUTS: Readonly<Record<FormatTemplateName, FormatLayout>> = {
  'spec-kit': { home: 'specs', isHome: /(?:^|\/)specs$/, fileName: 'spec.md', numbered: true },
  'kiro': { home: '.kiro/specs', isHome: /(?:^|\/)\.kiro\/specs$/, fileName: 'requirements.md', numbered: false },
  'design': { home: '.kiro/specs', isHome: /(?:^|\/)\.kiro\/specs$/, fileName: 'design.md', numbered: false },
  'openspec': { home: 'openspec/specs', isHome: /(?:^|\/)openspec\/(?:changes\/[^/]+\/)?specs$/, fileName: 'spec.md', numbered: false },
  'openspec-change': { home: 'openspec/changes', isHome: /(?:^|\/)openspec\/changes$/, fileName: 'proposal.md', numbered: false },
};

/** A hole: what the author writes here, as an HTML comment. */
function hole(what: string): string {
  return `<!-- ${what} -->`;
}

function comment(lines: readonly string[]): string[] {
  return ['<!--', ...lines.map((line) => `  ${line}`), '-->'];
}

/** The sections each layout already has a place for (by its own headings). */
const COVERS: Readonly<Record<FormatTemplateName, readonly SectionId[]>> = {
  'spec-kit': ['scope', 'acceptance-criteria', 'requirements', 'inputs-outputs'],
  'kiro': ['context', 'requirements', 'acceptance-criteria'],
  'design': ['context', 'api-contract', 'inputs-outputs', 'error-handling', 'acceptance-criteria'],
  'openspec': ['context', 'requirements'],
  'openspec-change': ['context', 'scope'],
};

export function renderFormatTemplate(name: FormatTemplateName, input: FormatTemplateInput): string {
  const profile = BUILTIN_PROFILES[name];
  // A delta holds requirements only; the purpose is the capability spec's.
  const wanted = new Set<SectionId>(input.delta ? [] : [...profile.required, ...profile.recommended]);
  const extra = DOCUMENT_ORDER.filter((id) => wanted.has(id) && !COVERS[name].includes(id));
  const body = [...BODIES[name](input)];
  for (const id of extra) {
    body.push('', `## ${sectionDefinition(id)?.title ?? id} *(recommended)*`, '', ...comment(sectionGuidance(name, id)));
  }
  const frontMatter = input.markAsSpec ? ['---', 'specready: true', `profile: ${name}`, '---', ''] : [];
  return `${[...frontMatter, ...body].join('\n')}\n`;
}

const BODIES: Readonly<Record<FormatTemplateName, (input: FormatTemplateInput) => string[]>> = {
  'spec-kit': specKit,
  'kiro': kiroRequirements,
  'design': kiroDesign,
  'openspec': openSpec,
  'openspec-change': openSpecChange,
};

/** github/spec-kit templates/spec-template.md: prioritised stories, FR- and SC- ids. */
function specKit({ title, feature, date }: FormatTemplateInput): string[] {
  return [
    `# Feature Specification: ${title}`,
    '',
    `**Feature Branch**: \`${feature}\`  `,
    `**Created**: ${date}  `,
    '**Status**: Draft  ',
    `**Input**: ${hole('the feature request this spec was written from, in the requester\'s words')}`,
    '',
    '## User Scenarios & Testing *(mandatory)*',
    '',
    ...comment([
      'User stories are user journeys ordered by importance: P1 first. Each is independently',
      'testable: built on its own, it still delivers something a user can try. Add stories as',
      '"### User Story 2 - <title> (Priority: P2)" with the same parts.',
    ]),
    '',
    `### User Story 1 - ${hole('brief title')} (Priority: P1)`,
    '',
    hole('this user journey in plain language: who does what, and what they get'),
    '',
    `**Why this priority**: ${hole('the value of this story and why it comes first')}`,
    '',
    `**Independent Test**: ${hole('how this story is tested on its own: the action to take and what to check')}`,
    '',
    '**Acceptance Scenarios**:',
    '',
    `1. **Given** ${hole('initial state')}, **When** ${hole('action')}, **Then** ${hole('observable outcome')} (FR-001)`,
    '',
    '### Edge Cases',
    '',
    `- ${hole('a boundary or error case and what the system does then, e.g. a refund of 0.00 returns 400')}`,
    '',
    '## Requirements *(mandatory)*',
    '',
    ...comment([
      'One requirement per item, numbered FR-001, FR-002, ..., each with MUST or MUST NOT, and',
      'named by the acceptance scenarios that test it. Mark what is not decided yet with',
      '[NEEDS CLARIFICATION: the question]; it is reported until it is answered.',
    ]),
    '',
    '### Functional Requirements',
    '',
    `- **FR-001**: System MUST ${hole('specific capability, e.g. reject a refund above the captured amount with 422')}`,
    '',
    '### Key Entities *(include if feature involves data)*',
    '',
    `- ${hole('entity: what it represents, its key attributes with types, and its relationships')}`,
    '',
    '## Success Criteria *(mandatory)*',
    '',
    ...comment(['Measurable outcomes, numbered SC-001, SC-002, ..., each with a number and how it is measured.']),
    '',
    '### Measurable Outcomes',
    '',
    `- **SC-001**: ${hole('measurable outcome, e.g. p95 latency below 300 ms at 20 requests/s in the load test')}`,
  ];
}

/** A Kiro requirements.md: introduction, then numbered requirements with a user story and EARS criteria. */
function kiroRequirements({ title }: FormatTemplateInput): string[] {
  return [
    '# Requirements Document',
    '',
    '## Introduction',
    '',
    hole(`what ${title} is, why it is built, the system it lives in (repository, language, versions) and who uses it`),
    '',
    '## Requirements',
    '',
    ...comment([
      'One "### Requirement N" per capability: a user story, then acceptance criteria in EARS form:',
      'WHEN <event> THEN the <system> SHALL <response>; IF <unwanted condition> THEN the <system>',
      'SHALL <response>; WHILE <state> the <system> SHALL <response>; WHERE <feature is included>',
      'the <system> SHALL <response>. Name the system and give a response that can be checked.',
    ]),
    '',
    '### Requirement 1',
    '',
    `**User Story:** As a ${hole('role')}, I want ${hole('capability')}, so that ${hole('benefit')}.`,
    '',
    '#### Acceptance Criteria',
    '',
    `1. WHEN ${hole('event')} THEN the ${hole('system')} SHALL ${hole('observable response')}.`,
    `2. IF ${hole('unwanted condition, e.g. the provider returns a 5xx status')} THEN the ${hole('system')} SHALL ${hole('observable response')}.`,
  ];
}

/** A Kiro design.md: overview, architecture, components and interfaces, data models, errors, testing. */
function kiroDesign({ title }: FormatTemplateInput): string[] {
  return [
    '# Design Document',
    '',
    '## Overview',
    '',
    hole(`what ${title} does, which requirements it implements and the system it lives in (repository, language, versions)`),
    '',
    '## Architecture',
    '',
    hole('the components and how requests and data flow between them; a Mermaid diagram works well'),
    '',
    '## Components and Interfaces',
    '',
    hole('each interface: method and path (or topic), authentication, request and response examples, status codes and errors'),
    '',
    '## Data Models',
    '',
    hole('every model with its fields, types, formats, constraints and an example value'),
    '',
    '## Error Handling',
    '',
    hole('each failure, what the system answers or does then, retries and timeouts'),
    '',
    '## Testing Strategy',
    '',
    hole('the tests that prove the design: each with its setup, the action and the observable result'),
  ];
}

/** An OpenSpec capability spec: purpose, then Requirement blocks with SHALL and Scenario blocks. */
function openSpec({ title, delta }: FormatTemplateInput): string[] {
  const guidance = comment([
    'Each "### Requirement: <name>" states one behaviour with SHALL or MUST and has at least one',
    '"#### Scenario: <name>" with WHEN and THEN bullets (AND for more outcomes).',
    ...(delta ? ['Changed requirements go under "## MODIFIED Requirements" in full, removed ones under', '"## REMOVED Requirements" with the reason.'] : []),
  ]);
  const head = delta
    ? ['## ADDED Requirements', '', ...guidance]
    : [`# ${title} Specification`, '', '## Purpose', '', hole(`why ${title} exists, what it covers and the system it lives in`), '', '## Requirements', '', ...guidance];
  return [
    ...head,
    '',
    `### Requirement: ${hole('requirement name')}`,
    '',
    `The ${hole('system')} SHALL ${hole('behaviour')}.`,
    '',
    `#### Scenario: ${hole('scenario name')}`,
    '',
    `- **WHEN** ${hole('trigger or action')}`,
    `- **THEN** ${hole('observable outcome')}`,
  ];
}

/** An OpenSpec change proposal (openspec/changes/<change>/proposal.md): why, what changes, impact. */
function openSpecChange({ title }: FormatTemplateInput): string[] {
  return [
    `# Change: ${title}`,
    '',
    '## Why',
    '',
    hole('the problem or opportunity in one or two sentences, and why now'),
    '',
    '## What Changes',
    '',
    `- ${hole('one change per item; mark breaking changes with **BREAKING**')}`,
    '',
    '## Impact',
    '',
    `- Affected specs: ${hole('the capabilities whose specs change, each with a delta in specs/<capability>/spec.md')}`,
    `- Affected code: ${hole('the key files and systems')}`,
  ];
}
