/**
 * The zip format of the bundle, with fflate. Reproducible: entries in the given order, fixed
 * deflate level, Unix permissions 0644 for every file, no extra fields, and every timestamp set
 * to the export time. fflate writes DOS timestamps from the local time zone, so the time and
 * date fields are stamped afterwards from UTC: the same SOURCE_DATE_EPOCH gives the same bytes
 * on every machine, whatever its time zone or daylight-saving rules.
 */
import { zipSync, type Zippable } from 'fflate';
import type { BundleEntry } from './types';

const UNIX = 3;
/** Regular file, rw-r--r--, in the high 16 bits of the external attributes. */
const FILE_ATTRIBUTES = (0o100644 << 16) >>> 0;
const LEVEL = 6;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/** DOS timestamps cover 1980 to 2107; fflate accepts up to 2099. */
const EARLIEST = Date.UTC(1980, 0, 1, 0, 0, 0);
const LATEST = Date.UTC(2099, 11, 31, 23, 59, 58);

export function buildZip(entries: readonly BundleEntry[], time: Date): Uint8Array {
  const files: Zippable = {};
  // A fixed, valid placeholder; the real time is stamped below.
  const placeholder = new Date(2000, 0, 1);
  for (const entry of entries) {
    files[entry.path] = [entry.bytes, { level: LEVEL, mtime: placeholder, os: UNIX, attrs: FILE_ATTRIBUTES }];
  }
  const zip = zipSync(files);
  stampTimes(zip, dosDateTime(time));
  return zip;
}

/** DOS date and time fields (2-second resolution) of a UTC instant, clamped to what zip can hold. */
export function dosDateTime(time: Date): { date: number; time: number } {
  const clamped = new Date(Math.min(LATEST, Math.max(EARLIEST, time.getTime())));
  return {
    date: ((clamped.getUTCFullYear() - 1980) << 9) | ((clamped.getUTCMonth() + 1) << 5) | clamped.getUTCDate(),
    time: (clamped.getUTCHours() << 11) | (clamped.getUTCMinutes() << 5) | (clamped.getUTCSeconds() >> 1),
  };
}

/** Overwrites the time and date of every central directory record and of the local header it points at. */
function stampTimes(zip: Uint8Array, stamp: { date: number; time: number }): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // fflate writes no archive comment, so the end record is the last 22 bytes.
  const end = zip.length - 22;
  if (view.getUint32(end, true) !== END_OF_CENTRAL_DIRECTORY) throw new Error('zip: end of central directory not found');
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  for (let index = 0; index < count; index++) {
    if (view.getUint32(offset, true) !== CENTRAL_HEADER) throw new Error('zip: malformed central directory');
    view.setUint16(offset + 12, stamp.time, true);
    view.setUint16(offset + 14, stamp.date, true);
    const local = view.getUint32(offset + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER) throw new Error('zip: malformed local header');
    view.setUint16(local + 10, stamp.time, true);
    view.setUint16(local + 12, stamp.date, true);
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
}
