import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Rule, RuleDocs, Severity } from '../../rules/types';
import { fence } from './fence';
import { UNREADABLE_FILE_RULE, type CheckReport, type FileReport, type ReportDiagnostic } from '../report';

export interface SarifTool {
  name: string;
  version: string;
  informationUri: string;
  /** Where a rule's documentation lives, if published. */
  helpUri?: (ruleId: string) => string;
}

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

const UNREADABLE_DESCRIPTOR: Sarif.ReportingDescriptor = {
  id: UNREADABLE_FILE_RULE,
  shortDescription: { text: 'The file could not be read as UTF-8 text.' },
  fullDescription: { text: 'The file could not be read as UTF-8 text, so it was not checked.' },
  defaultConfiguration: { level: 'error' },
};

/**
 * SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps, IDE viewers). File
 * URIs are relative to %SRCROOT%, the working directory, so results map onto the repository.
 * Each file's readiness score travels in the run's property bag.
 */
export function formatSarif(report: CheckReport, rules: readonly Rule[], tool: SarifTool): string {
  const descriptors: Sarif.ReportingDescriptor[] = rules.map((rule) => ruleDescriptor(rule, tool.helpUri?.(rule.id)));
  const index = new Map(rules.map((rule, position) => [rule.id, position]));
  const usesUnreadable = report.files.some((file) => file.diagnostics.some((d) => d.rule === UNREADABLE_FILE_RULE));
  if (usesUnreadable) {
    index.set(UNREADABLE_FILE_RULE, descriptors.length);
    descriptors.push(UNREADABLE_DESCRIPTOR);
  }
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: tool.name, version: tool.version, informationUri: tool.informationUri, rules: descriptors } },
      originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(report.root) } },
      columnKind: 'utf16CodeUnits',
      results: report.files.flatMap((file) => file.diagnostics.map((diagnostic) => result(file, diagnostic, index))),
      properties: { files: report.files.map(fileProperties) },
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleDescriptor(rule: Rule, helpUri: string | undefined): Sarif.ReportingDescriptor {
  return {
    id: rule.id,
    ...(helpUri ? { helpUri } : {}),
    shortDescription: { text: rule.docs.summary },
    fullDescription: { text: `${rule.docs.summary} ${rule.docs.rationale}` },
    help: { text: helpText(rule.docs), markdown: helpMarkdown(rule.docs) },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { dimension: rule.dimension },
  };
}

function result(file: FileReport, diagnostic: ReportDiagnostic, index: ReadonlyMap<string, number>): Sarif.Result {
  const ruleIndex = index.get(diagnostic.rule);
  return {
    ruleId: diagnostic.rule,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: LEVEL[diagnostic.severity],
    message: { text: diagnostic.message },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: relativeUri(file.path), uriBaseId: '%SRCROOT%' },
        region: {
          startLine: diagnostic.line,
          startColumn: diagnostic.column,
          endLine: diagnostic.endLine,
          endColumn: diagnostic.endColumn,
        },
      },
    }],
    ...(diagnostic.data ? { properties: diagnostic.data } : {}),
  };
}

function fileProperties(file: FileReport): Sarif.PropertyBag {
  return {
    path: file.path, profile: file.profile, score: file.score, ready: file.ready,
    threshold: file.threshold, breakdown: file.breakdown,
  };
}

function helpText(docs: RuleDocs): string {
  const parts = [docs.summary, docs.rationale, `Bad:\n${docs.bad}`, `Good:\n${docs.good}`];
  if (docs.options) parts.push(`Options: ${docs.options}`);
  if (docs.sources?.length) parts.push(`Sources:\n${docs.sources.map((source) => `- ${source}`).join('\n')}`);
  return parts.join('\n\n');
}

function helpMarkdown(docs: RuleDocs): string {
  const parts = [
    `**${docs.summary}**`,
    docs.rationale,
    `Bad:\n\n${fence(docs.bad)}`,
    `Good:\n\n${fence(docs.good)}`,
  ];
  if (docs.options) parts.push(`Options: ${docs.options}`);
  if (docs.sources?.length) parts.push(`Sources:\n\n${docs.sources.map((source) => `- ${source}`).join('\n')}`);
  return parts.join('\n\n');
}

/** Percent-encodes each segment so spaces and `#` survive as a URI reference. */
function relativeUri(path: string): string {
  return path.split('/').map((segment) => (segment === '..' ? segment : encodeURIComponent(segment))).join('/');
}

function directoryUri(directory: string): string {
  const uri = pathToFileURL(directory).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}
