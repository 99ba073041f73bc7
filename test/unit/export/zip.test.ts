import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { buildManifest } from '../../../server/src/export/manifest';
import { buildZip, dosDateTime } from '../../../server/src/export/zip';

const encode = (text: string) => new TextEncoder().encode(text);

describe('export: zip and manifest', () => {
  it('encodes DOS date and time from UTC, clamped to what zip can hold', () => {
    assert.deepEqual(dosDateTime(new Date('2023-11-14T22:13:20Z')), { date: (43 << 9) | (11 << 5) | 14, time: (22 << 11) | (13 << 5) | 10 });
    assert.deepEqual(dosDateTime(new Date(0)), { date: (1 << 5) | 1, time: 0 }, 'SOURCE_DATE_EPOCH=0 becomes 1980-01-01');
    assert.equal(dosDateTime(new Date('2150-01-01T00:00:00Z')).date >> 9, 2099 - 1980);
  });

  it('keeps the entry order and content, and gives the same bytes for the same entries and time', () => {
    const entries = [{ path: 'b.txt', bytes: encode('b') }, { path: 'a/ü.md', bytes: encode('ü') }, { path: 'README.md', bytes: encode('r') }];
    const time = new Date('2024-02-29T12:00:00Z');
    const zip = buildZip(entries, time);
    assert.deepEqual(Object.keys(unzipSync(zip)), ['b.txt', 'a/ü.md', 'README.md']);
    assert.deepEqual(unzipSync(zip)['a/ü.md'], encode('ü'));
    assert.deepEqual(buildZip(entries, time), zip);
    assert.notDeepEqual(buildZip(entries, new Date('2024-02-29T12:00:02Z')), zip);
  });

  it('lists the size and SHA-256 of every entry in the manifest', () => {
    const entries = [{ path: 'README.md', bytes: encode('hello\n') }, { path: 'spec/SPEC.md', bytes: encode('# Spec\n') }];
    const manifest = buildManifest(entries, {
      toolVersion: '9.9.9', createdAt: '2024-01-01T00:00:00Z', sourcePath: 'specs/x.spec.md', git: { commit: 'abc', dirty: true },
      profile: 'service', score: 70, threshold: 80, ready: false, exportedNotReady: true, refusedLinks: [], linkedSpecs: [],
    });
    assert.equal(manifest.path, 'manifest.json');
    const parsed = JSON.parse(new TextDecoder().decode(manifest.bytes));
    assert.deepEqual(parsed.files, [
      { path: 'README.md', size: 6, sha256: createHash('sha256').update('hello\n').digest('hex') },
      { path: 'spec/SPEC.md', size: 7, sha256: createHash('sha256').update('# Spec\n').digest('hex') },
    ]);
    assert.deepEqual(parsed.source, { path: 'specs/x.spec.md', git: { commit: 'abc', dirty: true } });
    assert.equal(parsed.readiness.exportedNotReady, true);
    assert.equal(parsed.tool.version, '9.9.9');
  });
});
