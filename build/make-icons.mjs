// Renders every icon size from the one source image, build/icon.svg, with resvg:
// build/icon.png (1024 px, electron-builder's source for .icns and .ico) and
// build/icons/NxN.png (Linux icon set, the window and tray icons).
// Run `npm run icons` after changing the SVG; the PNGs are committed.
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const svg = readFileSync(`${root}build/icon.svg`);
const render = (size) => new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();

mkdirSync(`${root}build/icons`, { recursive: true });
for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
  writeFileSync(`${root}build/icons/${size}x${size}.png`, render(size));
}
writeFileSync(`${root}build/icon.png`, render(1024));
console.log('icons written to build/icon.png and build/icons/');
