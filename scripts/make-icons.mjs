#!/usr/bin/env node
// Draws the two Teams app icons (appPackage/color.png 192x192, appPackage/outline.png
// 32x32) with nothing but node:zlib, because no image library is installed here.
// The motif is a round table: a ring with seats around it. The outline icon must be
// white on a fully transparent background (Teams recolours it), so every pixel is
// either transparent or opaque white; the colour icon is the same motif in white on
// the accent colour. Run `node scripts/make-icons.mjs` after changing the drawing and
// commit the PNGs.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

const ACCENT = [0x1f, 0x5f, 0x8b]; // must match accentColor in appPackage/manifest.json

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Encodes RGBA pixels (size*size*4 bytes) as an 8-bit RGBA PNG, filter 0 on every row. */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** True where the motif is drawn, in unit coordinates (-1..1). */
function motif(x, y) {
  const r = Math.hypot(x, y);
  if (r > 0.36 && r < 0.52) return true; // the table
  for (let i = 0; i < 6; i++) { // six seats
    const a = (i / 6) * 2 * Math.PI - Math.PI / 2;
    if (Math.hypot(x - 0.78 * Math.cos(a), y - 0.78 * Math.sin(a)) < 0.15) return true;
  }
  return false;
}

function draw(size, { background }) {
  const px = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = ((x + 0.5) / size) * 2 - 1;
      const v = ((y + 0.5) / size) * 2 - 1;
      const o = (y * size + x) * 4;
      if (motif(u * 1.05, v * 1.05)) px.set([255, 255, 255, 255], o);
      else if (background) px.set([...background, 255], o);
      else px.set([0, 0, 0, 0], o); // fully transparent
    }
  }
  return encodePng(size, px);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // --out <dir> writes elsewhere (the package test uses it to check the committed PNGs are current).
  const i = process.argv.indexOf('--out');
  const dir = i > 0 ? join(resolve(process.argv[i + 1]), '/') : fileURLToPath(new URL('../appPackage/', import.meta.url));
  writeFileSync(join(dir, 'color.png'), draw(192, { background: ACCENT }));
  writeFileSync(join(dir, 'outline.png'), draw(32, { background: null }));
  console.log(`wrote ${dir}color.png (192x192) and ${dir}outline.png (32x32)`);
}
