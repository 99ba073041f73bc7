import assert from 'node:assert/strict';
import { placeholder } from '../../../server/src/rules/placeholder';
import { at, onlyFinding, ruleTexts, runRule, textAt } from '../helpers';

const { found, finds } = ruleTexts(placeholder);

describe('placeholder', () => {
  it('reports marker words at their exact range with the marker as data', () => {
    const text = '# Spec\n\nThe payload is TBD.\n\n- Owner: TODO\n';
    const findings = runRule(placeholder, text);
    assert.deepEqual(findings.map((f) => at(f.range)), ['2:15-2:18', '4:9-4:13']);
    assert.deepEqual(findings.map((f) => f.data), [{ placeholder: 'TBD' }, { placeholder: 'TODO' }]);
    assert.match(findings[0].message, /"TBD"/);
  });

  finds('reports every marker kind', [
    'Retries: TBC. Region: TBA. FIXME later. Ask XXX.',
    '',
    'Limit ??? per second.',
    '',
    'Lorem ipsum dolor sit amet.',
    '',
    'todo: pick a queue.',
  ], ['TBC', 'TBA', 'FIXME', 'XXX', '???', 'Lorem ipsum', 'todo']);

  finds('does not report lower-case words in prose or markers glued to other words', 'We are building a todo list app; tbd is lower case. KEP-XXXX and TODOs and 4xx are fine.\n', []);

  finds('ignores code blocks, inline code, URLs, link destinations and HTML comments', [
    '```js',
    '// TODO: refactor',
    '```',
    '',
    'Use `TODO` markers in code, see https://example.com/TBD and [docs](./TBD.md).',
    '',
    '<!-- TODO: describe <the payload> here; [NEEDS CLARIFICATION: x] -->',
    '',
    '    indented TODO code',
  ], []);

  it('reports Spec Kit clarification markers as one finding', () => {
    const text = 'Auth via [NEEDS CLARIFICATION: auth method not specified - SSO or OAuth?].\n';
    const finding = onlyFinding(runRule(placeholder, text));
    assert.equal(textAt(text, finding.range), '[NEEDS CLARIFICATION: auth method not specified - SSO or OAuth?]');
    assert.deepEqual(finding.data, { placeholder: 'NEEDS CLARIFICATION' });
  });

  it('reports KEP unresolved blocks outside comments, once per block', () => {
    const text = '## Design\n\n<<[UNRESOLVED @alice: which store? ]>>\nStore in etcd or not.\n<<[/UNRESOLVED]>>\n';
    const findings = runRule(placeholder, text);
    assert.deepEqual(findings.map((f) => at(f.range)), ['2:0-2:38']);
    assert.deepEqual(findings[0].data, { placeholder: 'UNRESOLVED' });
  });

  finds('ignores KEP unresolved markers inside template comments', '<!--\n<<[UNRESOLVED optional short context or usernames ]>>\n<<[/UNRESOLVED]>>\n-->\n\nText.\n', []);

  it('reports bracket and angle-bracket template holes', () => {
    const text = [
      '- Payload: <describe the payload>',
      '- Key: <YOUR_API_KEY>',
      '- Owner: [fill in]',
      '- Name: [FEATURE NAME], created [DATE]',
      '- Start Date: (fill me in with today\'s date)',
    ].join('\n');
    assert.deepEqual(found(text), [
      '<describe the payload>', '<YOUR_API_KEY>', '[fill in]', '[FEATURE NAME]', '[DATE]', '(fill me in with today\'s date)',
    ]);
    assert.deepEqual(runRule(placeholder, text)[0].data, { placeholder: '<describe the payload>' });
  });

  finds('does not mistake HTML, autolinks, generics, links, task boxes or quoted formats for holes', [
    'Line<br>break and <img src="a.png" alt="x"> and <details><summary>More</summary></details>.',
    '',
    'Mail <ops@example.com> or see <https://example.com/a b>.',
    '',
    'A Result<T, E> or Vec<u8>, a [link](#x), a [reference][ref] and a [RFC] shortcut.',
    '',
    '- [x] done',
    '- [ ] open',
    '',
    'Logs "failed to get node <node name>: <error>" on failure; run `cargo new <crate name>`.',
    '',
    '> [!NOTE]',
    '> Read this.',
    '',
    '[ref]: https://example.com',
    '[RFC]: https://example.com/rfc',
  ], []);

  finds('reports a marker inside a hole once', 'Value: [TODO: decide the limit].\n', ['[TODO: decide the limit]']);
});
