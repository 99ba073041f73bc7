import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyzeSpec } from '../../server/src/engine/analyze';
import { acceptanceCriteria } from '../../server/src/model/criteria';
import { interfacesOf, PART_LABELS } from '../../server/src/model/interfaces';
import { partLabel } from '../../server/src/score/dimensions';
import { requirementIndex } from '../../server/src/model/requirements';
import { sectionRoles } from '../../server/src/score/roles';
import { explanationLines } from '../../server/src/score/explain';

const ROOT = join(__dirname, '..', '..', '..');

function specsUnder(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) found.push(...specsUnder(path));
    else if (name.endsWith('.md')) found.push(path);
  }
  return found.sort();
}

const SPECS = [...specsUnder(join(ROOT, 'examples')), ...specsUnder(join(ROOT, 'test', 'fixtures'))];

/**
 * What the readiness explanation (the status bar tooltip, `check --explain`, the hover on the
 * score) says a spec lacks must be what the model of the spec says: a claim of absence is false
 * when the model has the thing.
 */
describe('readiness explanation: its claims agree with the model, for every fixture and example', () => {
  it('finds the specs', () => assert.ok(SPECS.length > 40, `${SPECS.length}`));

  it('"no interface is described" and "no contract" only when the interface model reads none; every interface it reads is scored', () => {
    for (const file of SPECS) {
      const result = analyzeSpec(readFileSync(file, 'utf8'), { uri: `file://${file}` });
      const { interfaces } = interfacesOf(result.model);
      const contract = result.breakdown.contract;
      const claims = [...contract.reasons.map((reason) => reason.message), ...result.blockers.map((blocker) => blocker.message)];
      if (interfaces.length > 0) {
        assert.ok(!claims.some((claim) => /no interface .* is described|no contract:/.test(claim)), `${relative(ROOT, file)}: ${interfaces.length} interfaces, but ${JSON.stringify(claims)}`);
      }
      const scored = Number(/^(\d+) interfaces/.exec(contract.evidence)?.[1] ?? 0);
      assert.ok(scored >= interfaces.length, `${relative(ROOT, file)}: ${contract.evidence} for ${interfaces.length} interfaces`);
    }
  });

  it('an interface named as lacking a part lacks it in the model (or is not typed)', () => {
    const PARTS: Record<string, string[]> = {};
    for (const part of [...Object.keys(PART_LABELS), 'definition']) (PARTS[partLabel(part)] ??= []).push(part);
    for (const file of SPECS) {
      const result = analyzeSpec(readFileSync(file, 'utf8'), { uri: `file://${file}` });
      const { interfaces } = interfacesOf(result.model);
      for (const reason of result.breakdown.contract.reasons) {
        const lacking = /interfaces? without (.+)$/.exec(reason.message)?.[1];
        if (!lacking) continue;
        const parts = PARTS[lacking];
        assert.ok(parts, `${relative(ROOT, file)}: unknown part in "${reason.message}"`);
        for (const name of reason.items ?? []) {
          const spec = interfaces.find((candidate) => candidate.label === name);
          if (!spec) continue;
          // The request is asked typed: the model may find one only named in words.
          if (parts.includes('request')) continue;
          const missing = [...spec.missing, ...spec.missingRecommended];
          assert.ok(parts.some((part) => missing.includes(part as never)), `${relative(ROOT, file)}: "${name}" is said to lack ${lacking}, the model has it`);
        }
      }
    }
  });

  it('"no acceptance criteria", "no requirements" and "no definition of done" only when the model has none', () => {
    for (const file of SPECS) {
      const text = readFileSync(file, 'utf8');
      const result = analyzeSpec(text, { uri: `file://${file}` });
      const lines = explanationLines(result).join('\n');
      const where = relative(ROOT, file);
      if (/no acceptance criteria/.test(lines)) {
        assert.deepEqual(acceptanceCriteria(result.model).map((criterion) => criterion.text), [], `${where} says "no acceptance criteria"`);
      }
      if (/no requirements/.test(lines)) {
        const defined = requirementIndex(result.model, result.idPattern).definitions.filter((definition) => definition.kind === 'requirement');
        assert.deepEqual(defined.map((definition) => definition.id), [], `${where} says "no requirements"`);
      }
      if (/no definition of done/.test(lines)) {
        const roles = sectionRoles(result.model);
        const items = result.model.listItems.filter((item) => item.section && (roles.get(item.section) ?? []).includes('definition-of-done'));
        assert.deepEqual(items.map((item) => item.text), [], `${where} says "no definition of done"`);
      }
    }
  });

  it('a required section said to be missing is one missing-section reports', () => {
    for (const file of SPECS) {
      const result = analyzeSpec(readFileSync(file, 'utf8'), { uri: `file://${file}` });
      const claim = result.breakdown.structure.reasons.find((reason) => /required sections? missing/.test(reason.message));
      if (!claim) continue;
      const reported = result.findings.filter((finding) => finding.rule === 'missing-section').map((finding) => finding.message).join('\n');
      for (const title of claim.items ?? []) {
        assert.ok(reported.includes(title), `${relative(ROOT, file)}: the score says ${title} is missing, missing-section does not (${reported})`);
      }
    }
  });
});
