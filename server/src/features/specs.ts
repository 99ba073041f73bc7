/**
 * What the Specs view shows about one spec, computed purely from its analysis: the state
 * (ready, blocked, not ready), the score, what blocks it, its open questions and the readiness
 * dimensions. The language server keeps one of these per spec of the workspace and sends them
 * to the client, which only renders them.
 */
import type { AnalysisResult } from '../engine/analyze';
import { specTitle } from '../model/title';
import { questionMeta } from '../model/questions';
import { compareRanges } from '../model/text';
import type { Range } from '../model/types';
import { dataOf, type Finding, type Severity } from '../rules/types';
import type { SpecState } from './spec-order';
import { openQuestion } from '../rules/open-question';
import { placeholder } from '../rules/placeholder';

/** Blocked: an error stops the handoff whatever the score. Not ready: no error, score below the threshold. */
export type { SpecState } from './spec-order';

export interface SpecFindingItem {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
}

export interface SpecQuestion {
  rule: string;
  severity: Severity;
  /** The question as written, whitespace collapsed. */
  text: string;
  range: Range;
  owner?: string;
  due?: string;
  overdue: boolean;
}

export interface SpecDimension {
  /** As the readiness result names it (e.g. "clarity"). */
  name: string;
  score: number;
}

/** One spec in the list: small, so that a workspace of a thousand specs is one quick message. */
export interface SpecSummary {
  uri: string;
  title: string;
  score: number;
  threshold: number;
  ready: boolean;
  state: SpecState;
  profile: string;
  errors: number;
  warnings: number;
  questions: number;
  overdueQuestions: number;
  dimensions: SpecDimension[];
}

/** What expanding a spec shows: blockers first (errors, then warnings), then open questions. */
export interface SpecDetails {
  uri: string;
  blockers: SpecFindingItem[];
  /** Blockers beyond the first MAX_BLOCKERS, not listed. */
  moreBlockers: number;
  questions: SpecQuestion[];
  dimensions: SpecDimension[];
}

export interface SpecEntry {
  summary: SpecSummary;
  details: SpecDetails;
}

export const MAX_BLOCKERS = 50;
export const MAX_QUESTIONS = 100;

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Placeholder markers that ask a question (Spec Kit's and the KEP template's). */
const QUESTION_MARKERS = new Set(['NEEDS CLARIFICATION', 'UNRESOLVED']);

export function isQuestionFinding(finding: Finding): boolean {
  if (finding.rule === openQuestion.id) return true;
  const marker = dataOf(placeholder, finding)?.placeholder;
  return marker !== undefined && QUESTION_MARKERS.has(marker);
}

export function specState(result: Pick<AnalysisResult, 'ready' | 'findings'>): SpecState {
  if (result.ready) return 'ready';
  return result.findings.some((finding) => finding.severity === 'error') ? 'blocked' : 'not-ready';
}

/** `fallbackTitle` names a spec without a title (usually its file name). `today` (YYYY-MM-DD) decides what is overdue. */
export function specEntry(uri: string, result: AnalysisResult, fallbackTitle: string, today?: string): SpecEntry {
  const questions = result.findings.filter(isQuestionFinding).map((finding) => toQuestion(result, finding, today));
  const blockers = result.findings
    .filter((finding) => (finding.severity === 'error' || finding.severity === 'warning') && !isQuestionFinding(finding))
    .sort((a, b) => RANK[a.severity] - RANK[b.severity] || compareRanges(a.range, b.range))
    .map((finding): SpecFindingItem => ({ rule: finding.rule, severity: finding.severity, message: finding.message, range: finding.range }));
  const dimensions = dimensionsOf(result.breakdown);
  const summary: SpecSummary = {
    uri,
    title: specTitle(result.model, fallbackTitle),
    score: result.score,
    threshold: result.threshold,
    ready: result.ready,
    state: specState(result),
    profile: result.profile,
    errors: result.findings.filter((finding) => finding.severity === 'error').length,
    warnings: result.findings.filter((finding) => finding.severity === 'warning').length,
    questions: questions.length,
    overdueQuestions: questions.filter((question) => question.overdue).length,
    dimensions,
  };
  return {
    summary,
    details: {
      uri,
      blockers: blockers.slice(0, MAX_BLOCKERS),
      moreBlockers: Math.max(0, blockers.length - MAX_BLOCKERS),
      questions: questions.slice(0, MAX_QUESTIONS),
      dimensions,
    },
  };
}

function toQuestion(result: AnalysisResult, finding: Finding, today: string | undefined): SpecQuestion {
  const written = dataOf(openQuestion, finding)?.question ?? markerText(result, finding);
  const text = written.replace(/\s+/g, ' ').trim();
  const meta = questionMeta(text, today);
  const question: SpecQuestion = { rule: finding.rule, severity: finding.severity, text, range: finding.range, overdue: meta.overdue };
  if (meta.owner) question.owner = meta.owner;
  if (meta.due) question.due = meta.due;
  return question;
}

/** `[NEEDS CLARIFICATION: who owns the queue?]` -> "who owns the queue?"; a bare marker -> its line. */
function markerText(result: AnalysisResult, finding: Finding): string {
  const { model } = result;
  const line = finding.range.start.line;
  const lineText = model.text.slice(model.lineStarts[line], model.lineStarts[line + 1] ?? model.text.length);
  const marker = lineText.slice(finding.range.start.character, finding.range.end.line === line ? finding.range.end.character : undefined);
  const inner = /^(?:\[NEEDS CLARIFICATION|<<\[UNRESOLVED)\s*:?\s*(.*?)\s*\]?(?:\]>>)?$/i.exec(marker.trim())?.[1]?.replace(/\]>?>?$/, '').trim();
  if (inner) return inner;
  const rest = lineText.replace(marker, '').replace(/^[\s>*+-]*(?:\d+[.)]\s*)?/, '').trim();
  return rest || marker.trim();
}

/** Every dimension the readiness result lists, in its order, whatever they are called. */
export function dimensionsOf(breakdown: unknown): SpecDimension[] {
  if (Array.isArray(breakdown)) {
    return breakdown.flatMap((entry: unknown) => {
      if (!entry || typeof entry !== 'object') return [];
      const record = entry as Record<string, unknown>;
      const name = record.name ?? record.id ?? record.dimension;
      const score = record.score ?? record.value;
      return typeof name === 'string' && typeof score === 'number' ? [{ name, score }] : [];
    });
  }
  if (!breakdown || typeof breakdown !== 'object') return [];
  return Object.entries(breakdown as Record<string, unknown>).flatMap(([name, value]) => {
    if (typeof value === 'number') return [{ name, score: value }];
    if (value && typeof value === 'object' && typeof (value as { score?: unknown }).score === 'number') {
      return [{ name, score: (value as { score: number }).score }];
    }
    return [];
  });
}
