import type { SpecDetails, SpecQuestion, SpecSummary } from '../features/specs';
import type { Readiness } from './convert';
import type { BundleFormat, ExportResult } from '../export/types';

/**
 * SpecReady's custom messages, shared by the server and the VS Code client (the client imports
 * this file; it has no runtime dependencies). Each request and notification is declared once
 * below with its parameter and result types; both ends send and receive them only through
 * `sendRequest`/`onRequest`/`sendNotification`/`onNotification`.
 */

export interface ReadinessParams {
  uri: string;
}

export interface RecheckParams {
  uri: string | null;
}

export interface ExportParams {
  uri: string;
  /** Absolute, or relative to the workspace folder; default `<folder>/handoff/<spec name>.zip`. */
  outPath?: string;
  format?: BundleFormat;
  /** Export although the spec is not ready (after the user confirmed). */
  force?: boolean;
  /** Replace an existing bundle (after the user confirmed). */
  overwrite?: boolean;
}

export type { Readiness, ExportResult };

export interface ServerInfo {
  pid: number;
  version: string;
  uptimeMs: number;
  rssBytes: number;
  openDocuments: number;
}

/**
 * A custom request or notification, declared once with its parameter and result types. Plain
 * objects rather than the protocol library's classes: client and server bundle different
 * versions of that library, whose classes the type checker would not accept across the two.
 */
export interface RequestType<P, R> {
  readonly method: string;
  /** Never set: carries the types for the checker. */
  readonly types?: { params: P; result: R };
}

export interface NotificationType<P> {
  readonly method: string;
  readonly types?: { params: P };
}

function request<P, R>(method: string): RequestType<P, R> {
  return { method };
}

function notification<P>(method: string): NotificationType<P> {
  return { method };
}

/*
 * The two ends of a connection as far as these messages need them (LanguageClient on one side,
 * Connection on the other). Their methods are heavily overloaded, hence the loose parameters.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
interface Sender {
  sendRequest(...args: any[]): Promise<unknown>;
}
interface RequestReceiver {
  onRequest(...args: any[]): unknown;
}
interface NotificationSender {
  sendNotification(...args: any[]): Promise<void> | void;
}
interface NotificationReceiver {
  onNotification(...args: any[]): { dispose(): void };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export function sendRequest<P, R>(sender: Sender, type: RequestType<P, R>, params: P): Promise<R> {
  return sender.sendRequest(type.method, params) as Promise<R>;
}

export function onRequest<P, R>(receiver: RequestReceiver, type: RequestType<P, R>, handler: (params: P) => R | Promise<R>): void {
  receiver.onRequest(type.method, handler);
}

export function sendNotification<P>(sender: NotificationSender, type: NotificationType<P>, params: P): void {
  void sender.sendNotification(type.method, params);
}

export function onNotification<P>(receiver: NotificationReceiver, type: NotificationType<P>, handler: (params: P) => void): { dispose(): void } {
  return receiver.onNotification(type.method, handler);
}

/** The readiness of an open spec; null when it is not a spec. */
export const ReadinessRequest = request<ReadinessParams, Readiness | null>('specready/readiness');
/** Sent when the readiness of an open spec changed. */
export const ReadinessChangedNotification = notification<Readiness>('specready/readinessChanged');
/** Drops every cache (settings, configuration files, analyses), re-checks, returns the readiness of `uri`. */
export const RecheckRequest = request<RecheckParams, Readiness | null>('specready/recheck');
/** Writes the handoff bundle of a spec (see server/src/export). */
export const ExportRequest = request<ExportParams, ExportResult>('specready/export');
/** Process facts about the running server, for the status command and the restart test. */
export const ServerInfoRequest = request<Record<string, never>, ServerInfo>('specready/serverInfo');

/** The Specs view: every spec of the workspace (all folders) with its readiness. */
export const SpecsRequest = request<SpecsParams, SpecsResult>('specready/specs');
/** What expanding one spec in the view shows; null when it is not (or no longer) a spec. */
export const SpecDetailsRequest = request<SpecDetailsParams, SpecDetails | null>('specready/specDetails');
/** Sent whenever specs were added, changed or removed since `revision - 1`. */
export const SpecsChangedNotification = notification<SpecsChange>('specready/specsChanged');

export type SpecsParams = Record<string, never>;

export interface SpecsResult {
  /** Increases with every change; a SpecsChange with a revision at or below it is already included. */
  revision: number;
  /** True while the server is still reading the workspace: more specs will follow. */
  scanning: boolean;
  specs: SpecSummary[];
}

export interface SpecDetailsParams {
  uri: string;
}

export interface SpecsChange {
  revision: number;
  scanning: boolean;
  changed: SpecSummary[];
  removed: string[];
}

export type { SpecSummary, SpecDetails, SpecFindingItem, SpecQuestion, SpecDimension, SpecState } from '../features/specs';

/** The open question at a position (the cursor, a diagnostic, a Specs view item); null when none. */
export const QuestionAtRequest = request<QuestionAtParams, SpecQuestion | null>('specready/questionAt');
/**
 * The edit that answers the question at a position: removes it where it was asked and records
 * it with the answer, date and author under Decisions. The client applies it as one change
 * (`version` guards against a document edited meanwhile); null when there is no question there.
 */
export const AnswerQuestionRequest = request<AnswerQuestionParams, AnswerQuestionResult | null>('specready/answerQuestion');

export interface QuestionAtParams {
  uri: string;
  position: { line: number; character: number };
}

export interface AnswerQuestionParams extends QuestionAtParams {
  answer: string;
  /** `YYYY-MM-DD` in the user's time zone. */
  date: string;
  author?: string;
}

export interface AnswerQuestionResult {
  uri: string;
  version: number;
  question: string;
  edits: Array<{ range: SpecQuestion['range']; newText: string }>;
}

export { ANSWER_QUESTION_COMMAND, REVEAL_COMMAND, SHOW_RULE_DOCUMENTATION_COMMAND } from '../features/commands';

/**
 * Sent when the server starts analysing a version of an open document and when it is done
 * (not for answers from the cache): the editor shows that it is busy meanwhile.
 */
export const AnalysisStateNotification = notification<AnalysisState>('specready/analysisState');

export interface AnalysisState {
  uri: string;
  version: number;
  analysing: boolean;
}
