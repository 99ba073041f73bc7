/**
 * readiness.json and READINESS.md: the score, its breakdown and every remaining finding phrased
 * as the question a contractor would otherwise have to ask, numbered Q1, Q2, ... so that the
 * answers can refer to them.
 */
import type { AnalysisResult, Breakdown, ReadinessBlocker } from '../engine/analyze';
import { DIMENSION_IDS, DIMENSION_LABELS } from '../score/types';
import { sectionAtLine } from '../model/sections';
import type { Severity } from '../rules/types';
import { escapeMarkdown, plainText } from './markdown-text';
import { questionFor } from './questions';
import { questionAt } from '../features/questions';
import { isQuestionFinding } from '../features/specs';
import type { LinkedSpec } from './types';

export interface ReadinessQuestion {
  id: string;
  rule: string;
  severity: Severity;
  /** 1-based line and column in SPEC.md. */
  line: number;
  column: number;
  section: string;
  question: string;
  /** The linter's message, for the spec's author. */
  message: string;
  /** For the spec's own open questions: the question as written, and who owns it by when. */
  openQuestion?: { text: string; owner?: string; due?: string };
}

export interface ReadinessReport {
  title: string;
  score: number;
  threshold: number;
  ready: boolean;
  exportedNotReady: boolean;
  profile: string;
  breakdown: Breakdown;
  /** What made the spec not ready whatever its score (1-based lines). */
  blockers: Array<{ kind: ReadinessBlocker['kind']; message: string; line: number }>;
  questions: ReadinessQuestion[];
  /** Specs the spec links to, bundled with it, each with its own score. */
  linkedSpecs: LinkedSpec[];
}

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2, hint: 3 };

export function readinessReport(analysis: AnalysisResult, title: string, linkedSpecs: readonly LinkedSpec[] = []): ReadinessReport {
  const findings = [...analysis.findings].sort((a, b) =>
    RANK[a.severity] - RANK[b.severity] || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return {
    title,
    score: analysis.score,
    threshold: analysis.threshold,
    ready: analysis.ready,
    exportedNotReady: !analysis.ready,
    profile: analysis.profile,
    breakdown: analysis.breakdown,
    blockers: analysis.blockers.map((blocker) => ({ kind: blocker.kind, message: blocker.message, line: blocker.range.start.line + 1 })),
    questions: findings.map((finding, index) => {
      const question: ReadinessQuestion = {
        id: `Q${index + 1}`,
        rule: finding.rule,
        severity: finding.severity,
        line: finding.range.start.line + 1,
        column: finding.range.start.character + 1,
        section: plainText(sectionAtLine(analysis.model.sections, finding.range.start.line)?.title ?? ''),
        question: plainText(questionFor(finding)),
        message: finding.message,
      };
      const asked = isQuestionFinding(finding) ? questionAt({ ...analysis, findings: [finding] }, finding.range.start) : undefined;
      if (asked) question.openQuestion = { text: plainText(asked.text), ...(asked.owner ? { owner: asked.owner } : {}), ...(asked.due ? { due: asked.due } : {}) };
      return question;
    }),
    linkedSpecs: [...linkedSpecs],
  };
}

export function readinessJson(report: ReadinessReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

const GROUPS: ReadonlyArray<{ title: string; severities: Severity[]; intro: string }> = [
  { title: 'Blocking', severities: ['error'], intro: 'Get these answered before you estimate or start.' },
  { title: 'Open', severities: ['warning'], intro: 'Ask these early: each one is a guess you would otherwise have to make.' },
  { title: 'Minor', severities: ['info', 'hint'], intro: 'Worth a quick check.' },
];

/**
 * Text from the spec or the analysis as it reads, never its Markdown markup: a quoted
 * "**AC-1**" shows as AC-1, not as raw or backslash-escaped asterisks.
 */
function text(value: string): string {
  return escapeMarkdown(plainText(value));
}

export function readinessMarkdown(report: ReadinessReport): string {
  const lines = [
    `# Readiness of "${text(report.title)}"`,
    '',
    `**Score: ${report.score}/100** (threshold ${report.threshold}, profile \`${report.profile}\`). ${verdict(report)}`,
    '',
    ...blockerLines(report),
    '| Dimension | Score | Weight | What was judged |',
    '| --- | ---: | ---: | --- |',
    ...DIMENSION_IDS.map((id) => {
      const dimension = report.breakdown[id];
      return `| ${DIMENSION_LABELS[id]} | ${dimension.score} | ${Math.round(dimension.weight * 100)}% | ${text(dimension.evidence)} |`;
    }),
    '',
    ...linkedSpecLines(report),
    ...openQuestionLines(report),
    ...lostPointLines(report),
    `## Questions the spec leaves open (${report.questions.length})`,
    '',
  ];
  if (report.questions.length === 0) {
    lines.push('None: the spec answers everything SpecReady checks for.', '');
    return lines.join('\n');
  }
  lines.push('Each question is something the spec does not settle. Quote its number (Q1, Q2, ...) when you ask the team.', '');
  for (const group of GROUPS) {
    const questions = report.questions.filter((question) => group.severities.includes(question.severity));
    if (questions.length === 0) continue;
    lines.push(`### ${group.title} (${questions.length})`, '', group.intro, '');
    for (const question of questions) lines.push(...questionLines(question));
  }
  return lines.join('\n');
}

/**
 * The linked specs that came with the bundle and how ready each is: a contractor who follows a
 * link should know that the spec behind it is not ready, not find out.
 */
function linkedSpecLines(report: ReadinessReport): string[] {
  if (report.linkedSpecs.length === 0) return [];
  const notReady = report.linkedSpecs.filter((spec) => !spec.ready).length;
  return [
    `## Linked specs (${report.linkedSpecs.length})`,
    '',
    notReady === 0
      ? 'The spec links to these specs, bundled with it; each was checked on its own and is ready.'
      : `The spec links to these specs, bundled with it and each checked on its own. ${notReady === 1 ? 'One is' : `${notReady} are`} not ready: expect gaps there too.`,
    '',
    '| Spec | In the bundle | Score | Verdict |',
    '| --- | --- | ---: | --- |',
    ...report.linkedSpecs.map((spec) =>
      `| ${text(spec.path)} | ${text(spec.bundlePath)} | ${spec.score}/100 | ${spec.ready ? 'ready' : `not ready (needs ${spec.threshold})`} |`),
    '',
  ];
}

/** The spec's own open questions with who owns them, so the handoff says whom to ask. */
function openQuestionLines(report: ReadinessReport): string[] {
  const open = report.questions.filter((question) => question.openQuestion);
  if (open.length === 0) return [];
  return [
    `## Open questions and owners (${open.length})`,
    '',
    '| # | Question | Owner | Due |',
    '| --- | --- | --- | --- |',
    ...open.map(({ id, openQuestion }) =>
      `| ${id} | ${text(openQuestion!.text)} | ${openQuestion!.owner ? `@${text(openQuestion!.owner)}` : 'unassigned'} | ${openQuestion!.due ?? '-'} |`),
    '',
  ];
}

function blockerLines(report: ReadinessReport): string[] {
  if (report.blockers.length === 0) return [];
  return [
    '## Blockers',
    '',
    'Each of these makes the spec not ready whatever its score.',
    '',
    ...report.blockers.map((blocker) => `- ${text(blocker.message)}`),
    '',
  ];
}

/** Every reason the score lost points, with the points and the statements concerned. */
function lostPointLines(report: ReadinessReport): string[] {
  const reasons = DIMENSION_IDS.flatMap((id) => report.breakdown[id].reasons);
  if (reasons.length === 0) return [];
  const lines = ['## Where the points went', ''];
  for (const reason of [...reasons].sort((a, b) => b.lost - a.lost)) {
    const items = reason.items && reason.items.length > 0 ? ` (${reason.items.map(text).join(', ')})` : '';
    lines.push(`- **−${reason.lost}** ${text(reason.message)}${items}`);
  }
  lines.push('');
  return lines;
}

function verdict(report: ReadinessReport): string {
  if (report.ready) return 'The spec was ready for handoff when it was exported.';
  return '**Not ready:** the spec was exported anyway, so expect gaps; start with the blocking questions.';
}

function questionLines(question: ReadinessQuestion): string[] {
  const where = [`line ${question.line}`, question.section ? `section "${text(question.section)}"` : '', `\`${question.rule}\``]
    .filter(Boolean).join(' · ');
  return [`- **${question.id}.** ${text(question.question)}  `, `  _${where}_`, ''];
}
