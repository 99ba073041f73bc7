/** The benchmark table: rows of figures, and the targets of the performance issue. */
import type { Summary } from './stats';

export interface Row {
  benchmark: string;
  median: string;
  min: string;
  max: string;
  notes: string;
}

export interface Target {
  name: string;
  /** The measured value, formatted, e.g. "2.4x" or "18.2 ms". */
  measured: string;
  met: boolean;
}

export interface Section {
  title: string;
  rows: Row[];
  targets: Target[];
}

export function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

export function seconds(valueMs: number): string {
  return `${(valueMs / 1000).toFixed(2)} s`;
}

export function mib(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'n/a';
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function ratio(value: number): string {
  return `${value.toFixed(2)}x`;
}

/** A row of a timing summary in milliseconds. */
export function timingRow(benchmark: string, summary: Summary, notes = '', format: (value: number) => string = ms): Row {
  return { benchmark, median: format(summary.median), min: format(summary.min), max: format(summary.max), notes };
}

/** A row of one figure (no spread). */
export function valueRow(benchmark: string, value: string, notes = ''): Row {
  return { benchmark, median: value, min: '', max: '', notes };
}

export function renderSections(sections: readonly Section[]): string {
  const lines = ['| Benchmark | Median | Min | Max | Notes |', '| --- | ---: | ---: | ---: | --- |'];
  for (const section of sections) {
    lines.push(`| **${section.title}** | | | | |`);
    for (const row of section.rows) lines.push(`| ${row.benchmark} | ${row.median} | ${row.min} | ${row.max} | ${row.notes} |`);
  }
  return lines.join('\n');
}

export function renderTargets(sections: readonly Section[]): string {
  const lines = ['| Target | Measured | Met |', '| --- | ---: | :---: |'];
  for (const target of sections.flatMap((section) => section.targets)) {
    lines.push(`| ${target.name} | ${target.measured} | ${target.met ? 'yes' : '**no**'} |`);
  }
  return lines.join('\n');
}
