/**
 * Whole handoff specs: test/fixtures/handoff/<name>.clean.md is a spec a contractor could build
 * from, and <name>.planted.md the same spec with problems planted in it, each marked at its line.
 *
 * Markers, removed from the text before it is analysed (so they cannot change what is found):
 * - `<!-- expect: rule-id -->` at the end of a line: a finding of that rule must start on it.
 *   `a|b` accepts a finding of either rule (an unmeasurable quality written as "must be fast" is
 *   reported by unmeasurable-requirement or by vague-term); ids separated by commas are each expected.
 * - `<!-- expect-next-line: rule-id -->` on a line of its own marks the next line (code).
 * - `<!-- pending: rule-id -->` (or `pending-next-line`): a planted problem the product does not
 *   catch yet. Its case is reported as pending by mocha while it is missed, and passes once caught
 *   (then turn the marker into `expect`).
 *
 * A planted spec may have at most PLANTED_TOLERANCE warnings or errors on lines with no marker.
 * A clean spec must have at most CLEAN_MAX_WARNINGS warnings or errors and be ready. Hints and
 * notices are not counted: they are shown as suggestions, not as problems.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnalysisResult } from '../../../server/src/engine/analyze';
import { InMemoryHost } from '../../../server/src/host/memory-host';
import { analyzeDocument } from '../../../server/src/pipeline/analyze-document';

const ROOT = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'handoff');
const MARKER = /<!--\s*(expect|pending)(-next-line)?:\s*([a-z|, -]+?)\s*-->/g;
const PLANTED_TOLERANCE = 2;
const CLEAN_MAX_WARNINGS = 2;

/**
 * Clean specs the product does not judge right yet, with the reason: each is reported as
 * pending while it fails, and passes once it does not.
 */
const PENDING_CLEAN: Record<string, string> = {};

/** Planted specs whose unmarked warnings exceed the tolerance today, with the reason. */
const PENDING_TOLERANCE: Record<string, string> = {};

interface Expectation {
  line: number;
  /** Any of these rules satisfies it. */
  rules: string[];
  pending: boolean;
  text: string;
}

function readFixture(name: string): { text: string; expectations: Expectation[] } {
  const raw = readFileSync(join(ROOT, name), 'utf8');
  const lines = raw.split('\n');
  const expectations: Expectation[] = [];
  const text = lines.map((line, index) => {
    let stripped = line;
    for (const match of line.matchAll(MARKER)) {
      const target = match[2] ? index + 1 : index;
      for (const id of match[3].split(',').map((part) => part.trim()).filter(Boolean)) {
        expectations.push({ line: target, rules: id.split('|').map((rule) => rule.trim()), pending: match[1] === 'pending', text: '' });
      }
      stripped = stripped.replace(match[0], '');
    }
    return stripped === line ? line : stripped.replace(/[ \t]+$/, '');
  });
  for (const expectation of expectations) expectation.text = text[expectation.line]?.trim() ?? '';
  return { text: text.join('\n'), expectations };
}

async function analyse(name: string, text: string): Promise<AnalysisResult> {
  // Alone on a host: every relative link points at a file that does not exist.
  const path = `/handoff/${name}`;
  return analyzeDocument(text, pathToFileURL(path).href, { host: new InMemoryHost({ [path]: text }), projectRoot: '/handoff' });
}

const counted = (severity: string): boolean => severity === 'warning' || severity === 'error';
const describeFinding = (finding: AnalysisResult['findings'][number]): string =>
  `${finding.range.start.line + 1}: ${finding.rule} (${finding.severity}) ${finding.message}`;

const names = readdirSync(ROOT).filter((file) => file.endsWith('.planted.md')).map((file) => file.slice(0, -'.planted.md'.length)).sort();

describe('handoff specs (test/fixtures/handoff)', () => {
  it('has a clean and a planted version of every spec', () => {
    const files = readdirSync(ROOT).filter((file) => file.endsWith('.md')).sort();
    assert.ok(names.length >= 8, `only ${names.length} planted specs`);
    assert.deepEqual(files, names.flatMap((name) => [`${name}.clean.md`, `${name}.planted.md`]).sort());
  });

  for (const name of names) {
    describe(name, () => {
      const planted = readFixture(`${name}.planted.md`);
      const clean = readFixture(`${name}.clean.md`);
      let plantedResult: Promise<AnalysisResult> | undefined;
      const plantedAnalysis = (): Promise<AnalysisResult> => (plantedResult ??= analyse(`${name}.planted.md`, planted.text));

      it('has planted problems, and none marked in the clean version', () => {
        assert.ok(planted.expectations.length >= 6, `${planted.expectations.length} planted problems`);
        assert.equal(clean.expectations.length, 0);
      });

      for (const expectation of planted.expectations) {
        const title = `line ${expectation.line + 1}: ${expectation.rules.join(' or ')}${expectation.pending ? ' (pending)' : ''}`;
        it(title, async function () {
          const result = await plantedAnalysis();
          const onLine = result.findings.filter((finding) => finding.range.start.line === expectation.line);
          const found = onLine.some((finding) => expectation.rules.includes(finding.rule));
          if (!found && expectation.pending) this.skip();
          assert.ok(found, `"${expectation.text}" gets no ${expectation.rules.join(' or ')} finding; on this line: ${onLine.map(describeFinding).join('; ') || 'nothing'}`);
        });
      }

      it(`has at most ${PLANTED_TOLERANCE} warnings on lines with nothing planted${PENDING_TOLERANCE[name] ? ' (pending)' : ''}`, async function () {
        const result = await plantedAnalysis();
        const marked = new Set(planted.expectations.map((expectation) => expectation.line));
        const unmarked = result.findings.filter((finding) => counted(finding.severity) && !marked.has(finding.range.start.line));
        if (unmarked.length > PLANTED_TOLERANCE && PENDING_TOLERANCE[name]) this.skip();
        assert.ok(unmarked.length <= PLANTED_TOLERANCE, unmarked.map(describeFinding).join('\n'));
      });

      it(`clean version: ready, at most ${CLEAN_MAX_WARNINGS} warnings${PENDING_CLEAN[name] ? ' (pending)' : ''}`, async function () {
        const result = await analyse(`${name}.clean.md`, clean.text);
        const warnings = result.findings.filter((finding) => counted(finding.severity));
        const problems = [
          ...(warnings.length > CLEAN_MAX_WARNINGS ? [`${warnings.length} warnings:`, ...warnings.map(describeFinding)] : []),
          ...(result.ready ? [] : [`not ready (score ${result.score}): ${result.blockers.map((blocker) => blocker.message).join('; ') || 'below the threshold'}`]),
        ];
        if (problems.length > 0 && PENDING_CLEAN[name]) this.skip();
        assert.deepEqual(problems, []);
      });
    });
  }
});
