import assert from 'node:assert/strict';
import { parseSpec } from '../../../server/src/model/parse';
import { offsetAt } from '../../../server/src/model/text';
import type { Section, SpecModel } from '../../../server/src/model/types';
import { sectionAt } from '../../../server/src/rules/util';

/** The definition: the last section, in document order, whose heading starts at or before the offset and whose body has not ended. */
function scanned(model: SpecModel, offset: number): Section | undefined {
  let found: Section | undefined;
  for (const section of model.sections) {
    if (offsetAt(model, section.headingRange.start) > offset) break;
    if (offset <= offsetAt(model, section.bodyRange.end)) found = section;
  }
  return found;
}

describe('sectionAt', () => {
  const text = [
    'Preamble before any heading.', '',
    '# Title', '', 'Intro.', '',
    '### Skipped a level', '', 'Deep text.', '',
    '## Design', '', 'Design text.', '',
    '### Endpoints', '', '- `GET /v1/orders`', '',
    '#### Errors', '', 'Table.', '',
    '## Notes', '',
    'Setext heading', '--------------', '', 'Under it.', '',
    '# Second title', '', 'Last line.',
  ].join('\n');

  it('is the innermost section holding each offset, before, inside and between headings', () => {
    for (const source of [text, text.replace(/\n/g, '\r\n'), `${text}\n`]) {
      const model = parseSpec(source, 'file:///sections.md');
      assert.ok(model.sections.length >= 7);
      for (let offset = 0; offset <= source.length; offset++) {
        assert.equal(sectionAt(model, offset)?.title, scanned(model, offset)?.title, `offset ${offset}`);
        assert.equal(sectionAt(model, offset), scanned(model, offset), `offset ${offset}`);
      }
    }
  });

  it('is undefined in a document without headings', () => {
    const model = parseSpec('Just prose.\n', 'file:///none.md');
    assert.equal(sectionAt(model, 0), undefined);
    assert.equal(sectionAt(model, 5), undefined);
  });
});
