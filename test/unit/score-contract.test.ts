import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeSpec } from '../../server/src/engine/analyze';
import { interfacesOf } from '../../server/src/model/interfaces';
import { parseSpec } from '../../server/src/model/parse';
import { contractInputFromModel } from '../../server/src/score/contract';
import { Project } from './api/project';
import * as fixtures from './api/fixtures';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'rules', 'interface-incomplete');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const NO_INTERFACE = /no interface .* is described|no contract:/;

function contractOf(text: string) {
  return analyzeSpec(text).breakdown.contract;
}

/** A spec whose only interface is `body`, under a heading of its own. */
const spec = (heading: string, body: string) => `# Shipments\n\n## ${heading}\n\n${body}\n`;

describe('readiness score: the contract the interface model reads', () => {
  it('an endpoint table is a described contract: the clean table spec is not told it has no interface', () => {
    const result = analyzeSpec(fixture('table-clean.md'));
    const contract = result.breakdown.contract;
    assert.ok(!contract.reasons.some((reason) => NO_INTERFACE.test(reason.message)), JSON.stringify(contract.reasons));
    assert.ok(!result.blockers.some((blocker) => NO_INTERFACE.test(blocker.message)), JSON.stringify(result.blockers));
    assert.match(contract.evidence, /^4 interfaces/);
    assert.equal(contract.score, 100, JSON.stringify(contract.reasons));
  });

  const kinds: Array<[string, string, string]> = [
    ['command (flag table)', 'Design Details', 'This adds a flag to `kubectl apply`:\n\n| Flag | Type | Description |\n|---|---|---|\n| `--applyset` | string | the set object |\n'],
    ['API type (Go struct)', 'Design Details', '```go\ntype ApplySetStatus struct {\n\tMembers []string `json:"members"`\n}\n```\n'],
    ['message', 'Events', '### `shipment.created` event\n\nPublished on the `shipments` Kafka topic.\n\n| Field | Type |\n|---|---|\n| `id` | string |\n'],
    ['file', 'Interfaces', '### Settlement file\n\nA CSV file with a header row, written to `s3://settlements/daily/`.\n'],
    ['job', 'Interfaces', '### Reconciliation job\n\nRuns daily at 02:00 UTC and writes the `reconciliation` table; failures page the on-call.\n'],
    ['function (declared in code)', 'Design', '```rust\npub fn verify(body: &[u8], header: &str) -> Result<(), SignatureError>;\n```\n'],
  ];
  for (const [kind, heading, body] of kinds) {
    it(`${kind}: counts as a described interface`, () => {
      const text = spec(heading, body);
      assert.ok(interfacesOf(analyzeSpec(text).model).interfaces.length > 0, `the model reads no interface in ${kind}`);
      const contract = contractOf(text);
      assert.ok(!contract.reasons.some((reason) => NO_INTERFACE.test(reason.message)), `${kind}: ${JSON.stringify(contract.reasons)}`);
      assert.doesNotMatch(contract.evidence, /^0 interfaces/);
    });
  }

  it('every gap interface-incomplete reports about an interface lowers the contract and is named in its reasons', () => {
    for (const name of ['table-gaps.md', 'headings-gaps.md', 'events-gaps.md', 'handoff-gaps.md', 'design-code.md', 'async-payload.md']) {
      const result = analyzeSpec(fixture(name));
      const named = result.breakdown.contract.reasons.flatMap((reason) => reason.items ?? []);
      for (const finding of result.findings) {
        const data = finding.data as { interface?: string; untyped?: boolean } | undefined;
        if (finding.rule !== 'interface-incomplete' || !data?.interface) continue;
        assert.ok(named.includes(data.interface), `${name}: "${data.interface}" (${finding.message}) is not among ${JSON.stringify(named)}`);
      }
      assert.ok(result.breakdown.contract.score < 100, `${name}: ${result.breakdown.contract.score}`);
    }
    assert.ok(contractOf(fixture('table-gaps.md')).score < contractOf(fixture('table-clean.md')).score);
  });

  it('a request named only in words ("with the inputs above") is not a typed request', () => {
    const text = spec('API', 'Authenticated with a bearer token.\n\n`POST /v1/exports` with the inputs above.\n\n- `202 Accepted` with the export.\n- `409 export_in_progress` when one runs.\n');
    const contract = contractOf(text);
    assert.ok(contract.reasons.some((reason) => /without a typed request/.test(reason.message) && reason.items?.includes('POST /v1/exports')), JSON.stringify(contract.reasons));
  });

  describe('a linked AsyncAPI file counts as the contract', () => {
    let project: Project;
    beforeEach(() => {
      project = new Project();
      project.write('api/events.yaml', fixture('api/events.yaml'));
    });
    afterEach(() => project.dispose());

    const text = '# Shipments\n\n## Events\n\nThe events are in the [AsyncAPI description](api/events.yaml).\n\n'
      + '### `shipment.created` event\n\nPublished when a shipment is created.\n\n### `shipment.lost` event\n\nPublished when the carrier reports a lost parcel.\n';

    it('gives the message the spec describes its payload, and a message the file lacks still lacks one', async () => {
      const { result } = await project.check(text);
      const { result: alone } = await project.check(text, { noApiFiles: true });
      const missing = (breakdown: typeof result.breakdown) => breakdown.contract.reasons.filter((reason) => /without a payload/.test(reason.message)).flatMap((reason) => reason.items ?? []);
      assert.deepEqual(missing(alone.breakdown), ['shipment.created event', 'shipment.lost event']);
      assert.deepEqual(missing(result.breakdown), ['shipment.lost event']);
      assert.ok(result.breakdown.contract.score > alone.breakdown.contract.score);
    });
  });

  it('a linked file that cannot be read is no contract', async () => {
    const project = new Project().with('api/openapi.yaml', fixtures.MALFORMED_YAML);
    try {
      const bare = '# Refunds\n\n## API contract\n\nThe contract is [the OpenAPI file](api/openapi.yaml).\n';
      const { result } = await project.check(bare);
      const { result: alone } = await project.check(bare, { noApiFiles: true });
      assert.equal(result.breakdown.contract.score, alone.breakdown.contract.score);
    } finally {
      project.dispose();
    }
  });
});

describe('readiness score: example code is no interface, as the interface model decides', () => {
  const functions = (text: string) => contractInputFromModel(parseSpec(text)).interfaces.filter((i) => i.kind === 'function').map((i) => i.name);

  it('credits no function of a block that illustrates, of a section outside the design, or one the design\'s code only uses', () => {
    const illustration = '# Lint reasons\n\n## Reference-level explanation\n\nFor example:\n\n```rust\nfn compute(x: i32) -> i32 { x * 2 }\n```\n';
    assert.deepEqual(functions(illustration), []);
    const motivation = '# Lint reasons\n\n## Motivation\n\n```rust\nfn compute(x: i32) -> i32 { x * 2 }\n```\n';
    assert.deepEqual(functions(motivation), []);
    const placeholder = '# Lint reasons\n\n## Detailed design\n\n```rust\npub fn foo(x: i32) -> i32;\n```\n';
    assert.deepEqual(functions(placeholder), []);
    // Swift attributes and keywords before a function type are no functions.
    assert.deepEqual(functions('# Closures\n\n## Detailed design\n\nA parameter of type `@escaping (Int) -> Void` or `throws(E) -> T`.\n'), []);
  });

  it('still credits a declared function of the design and a signature written in prose', () => {
    assert.deepEqual(functions('# Split\n\n## Detailed design\n\n```rust\npub fn split_at(&self, mid: usize) -> (&[T], &[T]);\n```\n'), ['split_at']);
    assert.deepEqual(functions('# Webhooks\n\n## Design\n\nThe library exposes `sign(secret: bytes) -> str`.\n'), ['sign()']);
  });
});

describe('readiness score: a generic definition of done', () => {
  const READY = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'payment-refunds.spec.md'), 'utf8');
  const withDone = (items: string) => READY.replace(/## Definition of Done\n[\s\S]*?\n(?=## )/, `## Definition of Done\n\n${items}\n`);

  it('made only of generic items earns nothing, even when its words look specific to the score', () => {
    const text = withDone('- Peer reviewed and merged.\n- Fully tested and documented.\n');
    const result = analyzeSpec(text);
    assert.equal(result.findings.filter((finding) => finding.rule === 'generic-definition-of-done').length, 1);
    assert.equal(result.breakdown.done.score, 0, JSON.stringify(result.breakdown.done));
    assert.match(result.breakdown.done.reasons[0].message, /only generic items/);
    assert.ok(analyzeSpec(READY).breakdown.done.score > 0);
  });
});

describe('readiness score: an interface the text and the model both read counts once', () => {
  it('endpoints sharing a method and a path shape are each matched to their own model endpoint', () => {
    const lines = ['# Shops', '', '## API contract', ''];
    const names: string[] = [];
    for (let i = 0; i < 40; i++) {
      for (const name of [`GET /v1/shops/shop${i}/items/{item}`, `PUT /v1/shops/shop${i}/items/{item}`, `GET /v1/shops/{shop}/items/item${i}`]) {
        names.push(name);
        lines.push(`### ${name}`, '', 'Returns 200 with the item. Errors: 404 when it is missing.', '');
      }
    }
    const input = contractInputFromModel(parseSpec(lines.join('\n'), 'file:///shops.md'));
    const endpoints = input.interfaces.filter((item) => item.kind === 'endpoint');
    const model = interfacesOf(parseSpec(lines.join('\n'), 'file:///shops.md')).interfaces.filter((spec) => spec.kind === 'endpoint');
    // Every endpoint the text reads is one of the model's: none is counted a second time.
    assert.equal(endpoints.length, model.length);
    assert.ok(endpoints.every((item) => item.spec !== undefined), JSON.stringify(endpoints.filter((item) => !item.spec).map((item) => item.name)));
    assert.ok(model.length > 0 && model.every((spec) => names.includes(spec.label)));
  });
});
