/**
 * What the MCP server does, as plain async functions over a root folder: every tool runs the
 * same code as the CLI (`specready check --format json`, `specready export`), so an agent gets
 * the same findings, scores and refusals as a person or CI. Paths are confined to the root.
 */
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseCommandLine, type CheckCommand } from '../cli/args';
import { runCheck } from '../cli/commands/check';
import { runExportCommand } from '../cli/export-command';
import type { CliIo } from '../cli/io';
import { fileReportFromAnalysis, findingFromDiagnostic, type FileReport } from '../cli/report';
import { loadConfigFor } from '../config/load';
import { findProjectRoot } from '../fs/project-root';
import { nodeHost } from '../host/node-host';
import { analyzeDocument } from '../pipeline/analyze-document';
import { questionFor } from '../export/questions';
import { ruleDocsUrl } from '../rules/docs-url';
import { findRule, RULES } from '../rules/registry';
import type { Finding, Rule } from '../rules/types';

/** A refusal or a mistake the agent can act on; becomes a tool error result, never a crash. */
export class ToolError extends Error {}

export interface CapturedRun {
  status: number;
  stdout: string;
  stderr: string;
}

export interface SpecCheck {
  path: string;
  profile: string;
  score: number;
  ready: boolean;
  threshold: number;
  breakdown: unknown;
  findings: Array<{ rule: string; severity: string; message: string; line: number; column: number; question: string }>;
  /** Each warning and error phrased as the question a builder would ask; errors first. */
  questions: string[];
}

export class SpecReadyTools {
  readonly root: string;

  constructor(root: string) {
    this.root = realpathSync(resolve(root));
  }

  /** `path` (inside the root) or `text` (checked as if it were a file at `path`, default `spec.md`). */
  async checkSpec(input: { path?: string; text?: string }): Promise<SpecCheck> {
    if (input.text !== undefined) return this.checkText(input.text, input.path ?? 'untitled.spec.md');
    if (!input.path) throw new ToolError('give "path" (a spec file inside the root) or "text" (the spec itself)');
    const file = this.confine(input.path, true);
    const document = await this.runJsonCheck([file]);
    const [report] = document.files;
    if (!report) throw new ToolError(`${this.display(file)} was not checked`);
    return specCheck(report);
  }

  /** Every spec under the root (or under `path`), with score and verdict, not-ready first. */
  async listSpecs(input: { path?: string }): Promise<Array<{ path: string; profile: string; score: number; ready: boolean; errors: number; warnings: number }>> {
    const folder = this.confine(input.path ?? '.', true);
    const document = await this.runJsonCheck([folder], ['--no-error-on-unmatched-pattern']);
    return document.files
      .map((file) => ({
        path: file.path,
        profile: file.profile,
        score: file.score,
        ready: file.ready,
        errors: file.diagnostics.filter((d) => d.severity === 'error').length,
        warnings: file.diagnostics.filter((d) => d.severity === 'warning').length,
      }))
      .sort((a, b) => Number(a.ready) - Number(b.ready) || a.score - b.score || a.path.localeCompare(b.path));
  }

  explainRule(id: string): string {
    const rule = findRule(id);
    if (!rule) throw new ToolError(`unknown rule "${id}" (rules: ${RULES.map((r) => r.id).join(', ')})`);
    return ruleMarkdown(rule);
  }

  /** `specready export` with its refusals (secrets, links leaving the root, existing output). */
  async exportBundle(input: { path: string; out?: string; format?: 'zip' | 'dir'; force?: boolean; overwrite?: boolean }): Promise<CapturedRun> {
    const file = this.confine(input.path, true);
    const args = [file, '--root', this.root];
    if (input.out !== undefined) args.push('--out', this.confine(input.out, false));
    if (input.format) args.push('--format', input.format);
    if (input.force) args.push('--force');
    if (input.overwrite) args.push('--overwrite');
    const run = await capture((io) => runExportCommand(args, io), this.root);
    if (run.status !== 0) throw new ToolError((run.stderr || run.stdout).replace(/^specready: /gm, '').trim() || `export failed (exit ${run.status})`);
    return run;
  }

  /** Resolves a path against the root and refuses anything outside it (also through symlinks). */
  confine(path: string, mustExist: boolean): string {
    const absolute = resolve(this.root, path);
    let real: string;
    try {
      real = realpathSync(absolute);
    } catch {
      if (mustExist) throw new ToolError(`${path}: no such file or folder`);
      try {
        real = resolve(realpathSync(resolve(absolute, '..')), absolute.slice(absolute.lastIndexOf(sep) + 1));
      } catch {
        real = absolute;
      }
    }
    const inside = relative(this.root, real);
    if (inside.startsWith('..') || isAbsolute(inside)) throw new ToolError(`${path} is outside the root ${this.root}; only files inside it can be used`);
    return real;
  }

  private display(file: string): string {
    return relative(this.root, file).split(sep).join('/') || '.';
  }

  private async checkText(text: string, path: string): Promise<SpecCheck> {
    const file = this.confine(path, false);
    const loaded = await loadConfigFor(file);
    if (loaded.errors.length > 0) throw new ToolError(loaded.errors.map((error) => error.message).join('; '));
    const projectRoot = (await findProjectRoot(dirname(file), { configFile: loaded.file, fallback: this.root })).folder;
    const result = await analyzeDocument(text, pathToFileURL(file).href, { host: nodeHost, config: loaded.config, projectRoot });
    return specCheck(fileReportFromAnalysis(this.display(file), result));
  }

  private async runJsonCheck(paths: string[], flags: string[] = []): Promise<JsonReport> {
    const command = parseCommandLine(['check', ...paths, ...flags, '--format', 'json']) as CheckCommand;
    const run = await capture((io) => runCheck(command, io), this.root);
    if (run.status === 2 || !run.stdout.trim()) {
      throw new ToolError(run.stderr.replace(/^specready: /gm, '').trim() || 'the check could not run');
    }
    return JSON.parse(run.stdout) as JsonReport;
  }
}

/** The JSON report of `specready check --format json`: its files as the formatter wrote them. */
interface JsonReport {
  files: FileReport[];
}

function specCheck(report: FileReport): SpecCheck {
  const findings = report.diagnostics.map((diagnostic) => findingView(findingFromDiagnostic(diagnostic)));
  return {
    path: report.path,
    profile: report.profile,
    score: report.score,
    ready: report.ready,
    threshold: report.threshold,
    breakdown: report.breakdown,
    findings,
    questions: questionsOf(findings),
  };
}

function findingView(finding: Finding): SpecCheck['findings'][number] {
  return {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    question: questionFor(finding),
  };
}

function questionsOf(findings: SpecCheck['findings']): string[] {
  const rank = (severity: string) => (severity === 'error' ? 0 : 1);
  return findings
    .filter((finding) => finding.severity === 'error' || finding.severity === 'warning')
    .sort((a, b) => rank(a.severity) - rank(b.severity) || a.line - b.line)
    .map((finding) => `Line ${finding.line}: ${finding.question}`);
}

export function ruleMarkdown(rule: Rule): string {
  const lines = [
    `# ${rule.id}`,
    '',
    rule.docs.summary,
    '',
    `Default severity: ${rule.defaultSeverity}. Documentation: ${ruleDocsUrl(rule.id)}`,
    '',
    '## Why it matters',
    '',
    rule.docs.rationale,
    '',
    '## Reported',
    '',
    '```markdown',
    rule.docs.bad,
    '```',
    '',
    '## Not reported',
    '',
    '```markdown',
    rule.docs.good,
    '```',
  ];
  if (rule.docs.sources?.length) lines.push('', '## Sources', '', ...rule.docs.sources.map((source) => `- ${source}`));
  return `${lines.join('\n')}\n`;
}

async function capture(run: (io: CliIo) => Promise<number>, cwd: string): Promise<CapturedRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd,
    env: { ...process.env, GITHUB_STEP_SUMMARY: undefined },
    stdoutIsTTY: false,
    stdout: (text) => { stdout += text; },
    stderr: (text) => { stderr += text; },
  };
  const status = await run(io);
  return { status, stdout, stderr };
}
