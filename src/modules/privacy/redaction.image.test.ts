import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeImage, hasPhotoMetadata, photoJpeg, photoPng } from '../../../test/privacy/redaction-image.fixtures.ts';
import { gridStep, imageSize, jpegOrientation, pixelRect, redactImage, renderImagePreview } from './redaction.image.ts';

const AREA: [number, number, number, number] = [10, 8, 30, 20];
const inside = (x: number, y: number) => x >= AREA[0] && x < AREA[2] && y >= AREA[1] && y < AREA[3];

test('PNG: the area is black, every other pixel unchanged, the text chunk gone', async () => {
  const original = photoPng(48, 32);
  assert.ok(hasPhotoMetadata(original), 'the fixture carries metadata');
  const out = await redactImage(original, 'image/png', [AREA]);
  assert.ok(!hasPhotoMetadata(out));
  const before = decodeImage(original);
  const after = decodeImage(out);
  assert.deepEqual([after.width, after.height], [48, 32]);
  for (let y = 0; y < 32; y++) {
    for (let x = 0; x < 48; x++) {
      if (inside(x, y)) assert.deepEqual(after.at(x, y), [0, 0, 0], `(${x}, ${y}) inside`);
      else assert.deepEqual(after.at(x, y), before.at(x, y), `(${x}, ${y}) outside`);
    }
  }
});

test('JPEG: the area is black, the rest close to the original, no EXIF or GPS text', async () => {
  const original = photoJpeg(64, 48);
  assert.ok(hasPhotoMetadata(original));
  const out = await redactImage(original, 'image/jpeg', [AREA]);
  assert.deepEqual([out[0], out[1]], [0xff, 0xd8], 'still a JPEG');
  assert.ok(!hasPhotoMetadata(out), 'no EXIF block, no description');
  const before = decodeImage(original);
  const after = decodeImage(out);
  // Away from the area's edges (JPEG blocks blur a few pixels across them); "black" allows JPEG noise.
  for (let y = AREA[1] + 2; y < AREA[3] - 2; y++) for (let x = AREA[0] + 2; x < AREA[2] - 2; x++) assert.ok(Math.max(...after.at(x, y)) <= 24, `(${x}, ${y}) is black`);
  for (const [x, y] of [[2, 2], [60, 40], [45, 10], [5, 44]] as const) {
    const [a, b] = [after.at(x, y), before.at(x, y)];
    assert.ok(a.every((v, c) => Math.abs(v - b[c]!) <= 12), `(${x}, ${y}) unchanged: ${a} vs ${b}`);
  }
});

test('JPEG orientation: the copy is upright and areas are in upright pixels', async () => {
  // Stored 64 wide × 48 high, EXIF 6: shown rotated 90° clockwise, 48 wide × 64 high.
  const original = photoJpeg(64, 48, 6);
  assert.equal(jpegOrientation(original), 6);
  assert.deepEqual(await imageSize(original), { width: 48, height: 64 });
  const out = await redactImage(original, 'image/jpeg', [[0, 0, 16, 16]]);
  const after = decodeImage(out);
  assert.deepEqual([after.width, after.height], [48, 64]);
  assert.ok(Math.max(...after.at(4, 4)) <= 24, 'top-left of the upright image is black');
  assert.ok(Math.max(...after.at(40, 56)) > 60, 'elsewhere is not');
  assert.equal(jpegOrientation(out), 1);
});

test('areas are clipped to the image; the preview grid step suits the size', async () => {
  assert.deepEqual(pixelRect([-5, 10.5, 12.2, 999], { width: 40, height: 30 }), [0, 10, 13, 30]);
  assert.equal(pixelRect([50, 0, 60, 10], { width: 40, height: 30 }), null);
  assert.equal(gridStep({ width: 4000, height: 3000 }), 500);
  assert.equal(gridStep({ width: 48, height: 32 }), 10);
  const { png, scale } = await renderImagePreview(photoPng(400, 200), 'image/png', { grid: true, marks: [AREA], maxSide: 200 });
  assert.equal(scale, 0.5);
  assert.deepEqual([decodeImage(png).width, decodeImage(png).height], [200, 100]);
});
