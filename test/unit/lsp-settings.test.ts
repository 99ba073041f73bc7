import assert from 'node:assert/strict';
import { validateSettings } from '../../server/src/lsp/settings';

describe('editor settings', () => {
  it('checks open specs as they are typed unless specready.run says onSave', () => {
    assert.equal(validateSettings(null).run, 'onType');
    assert.equal(validateSettings({}).run, 'onType');
    assert.equal(validateSettings({ run: null }).run, 'onType');
    assert.equal(validateSettings({ run: 'onType' }).run, 'onType');
    const onSave = validateSettings({ run: 'onSave' });
    assert.equal(onSave.run, 'onSave');
    assert.deepEqual(onSave.problems, []);
  });

  it('names a wrong specready.run value and falls back to checking as you type', () => {
    const wrong = validateSettings({ run: 'sometimes' as never, threshold: 70 });
    assert.equal(wrong.run, 'onType');
    assert.deepEqual(wrong.problems, ['"specready.run" must be "onType" or "onSave", not "sometimes".']);
    assert.equal(wrong.config.threshold, 70, 'the other settings still apply');
  });
});
