// Draws images/icon.png (128×128): a spec page with text lines and a green check badge on a
// rounded dark-blue tile. Plain Node (zlib) so that it runs anywhere; shapes are sampled 4×4
// per pixel for smooth edges. Run `node scripts/generate-icon.mjs` after changing it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;

const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
/** A thick line segment (a capsule). */
const stroke = (ax, ay, bx, by, width) => (x, y) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return (x - (ax + t * (bx - ax))) ** 2 + (y - (ay + t * (by - ay))) ** 2 <= (width / 2) ** 2;
};
/** The page: a rectangle with its top-right corner folded. */
const sheet = roundedRect(30, 18, 92, 110, 6);
const page = (x, y) => sheet(x, y) && !(x > 72 && y < 38 && x - 72 > y - 18);
const fold = (x, y) => x >= 72 && x <= 92 && y >= 18 && y <= 38 && x - 72 <= y - 18;

// Painted in order; later layers cover earlier ones.
const layers = [
  { shape: roundedRect(0, 0, 127.99, 127.99, 24), color: [0x1f, 0x3a, 0x5f] },
  { shape: page, color: [0xf4, 0xf6, 0xf8] },
  { shape: fold, color: [0xc9, 0xd3, 0xde] },
  { shape: stroke(42, 40, 62, 40, 5), color: [0x1f, 0x3a, 0x5f] },
  { shape: stroke(42, 54, 80, 54, 4), color: [0x8a, 0x9b, 0xae] },
  { shape: stroke(42, 66, 80, 66, 4), color: [0x8a, 0x9b, 0xae] },
  { shape: stroke(42, 78, 66, 78, 4), color: [0x8a, 0x9b, 0xae] },
  { shape: circle(88, 92, 24), color: [0x1f, 0x3a, 0x5f] },
  { shape: circle(88, 92, 20), color: [0x2e, 0xa0, 0x43] },
  { shape: (x, y) => stroke(78, 92, 85, 99, 6)(x, y) || stroke(85, 99, 99, 84, 6)(x, y), color: [0xff, 0xff, 0xff] },
];

function pixel(px, py) {
  const sum = [0, 0, 0, 0];
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = px + (sx + 0.5) / SAMPLES;
      const y = py + (sy + 0.5) / SAMPLES;
      const top = layers.findLast((layer) => layer.shape(x, y));
      if (!top) continue;
      for (let c = 0; c < 3; c++) sum[c] += top.color[c];
      sum[3] += 255;
    }
  }
  const n = SAMPLES * SAMPLES;
  const alpha = sum[3] / n;
  // Colour averaged over covered samples only, so edges fade in alpha instead of darkening.
  const covered = sum[3] / 255 || 1;
  return [sum[0] / covered, sum[1] / covered, sum[2] / covered, alpha].map((v) => Math.round(v));
}

function png(width, height, rgba) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buffer) => {
    let c = 0xffffffff;
    for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const check = Buffer.alloc(4);
    check.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, check]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) rgba.set(pixel(x, y), (y * SIZE + x) * 4);
}
mkdirSync(new URL('../images/', import.meta.url), { recursive: true });
writeFileSync(new URL('../images/icon.png', import.meta.url), png(SIZE, SIZE, rgba));
console.log('wrote images/icon.png');
