/**
 * The order of the Specs view, shared by the server (its answers) and the client (after each
 * change): blocked first, then not ready, then ready; within a state the lowest score, that is
 * the most work, first. No imports, so that the client bundles only this.
 */
export type SpecState = 'ready' | 'blocked' | 'not-ready';

const STATE_ORDER: Readonly<Record<SpecState, number>> = { blocked: 0, 'not-ready': 1, ready: 2 };

export const SPEC_STATES: readonly SpecState[] = ['blocked', 'not-ready', 'ready'];

export function compareSpecs(a: { state: SpecState; score: number; title: string; uri: string }, b: { state: SpecState; score: number; title: string; uri: string }): number {
  return STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.score - b.score || a.title.localeCompare(b.title) || a.uri.localeCompare(b.uri);
}
