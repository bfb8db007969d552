/** The reader settings as CSS variables (renderer/src/reader-style.ts), and the article frame's document that reads them. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { DEFAULT_SETTINGS, READER_FONTS, READER_LIMITS } from '../../../shared/domain.js';
import type { ReadingTheme } from '../../../renderer/src/article-document.js';
import {
  clampReaderMeasure,
  READER_FONT_STACKS,
  readerStyleDeclarations,
  readerStyleVariables,
} from '../../../renderer/src/reader-style.js';

const theme: ReadingTheme = {
  text: 'rgb(0, 0, 0)',
  background: 'rgb(255, 255, 255)',
  link: 'rgb(0, 0, 255)',
  muted: 'rgb(90, 90, 90)',
  codeBackground: 'rgb(240, 240, 240)',
  border: 'rgb(200, 200, 200)',
  highlight: 'rgb(255, 226, 122)',
};

describe('readerStyleVariables', () => {
  it('turns the settings into the four variables, with their units', () => {
    assert.deepEqual(
      readerStyleVariables({ readerFont: 'serif', readerFontSize: 20, readerLineWidth: 60, readerLineHeight: 1.8 }),
      {
        '--reader-font': READER_FONT_STACKS.serif,
        '--reader-font-size': '20px',
        '--reader-line-width': '60ch',
        '--reader-line-height': '1.8',
      },
    );
  });

  it('gives each font its own stack, ending in its generic family', () => {
    const stacks = READER_FONTS.map((font) => READER_FONT_STACKS[font]);
    assert.equal(new Set(stacks).size, READER_FONTS.length);
    assert.match(READER_FONT_STACKS.system, /^system-ui,/);
    assert.match(READER_FONT_STACKS.sans, /, sans-serif$/);
    assert.match(READER_FONT_STACKS.serif, /, serif$/);
  });

  it('keeps the defaults as they were before the settings existed: 17 px, 70 ch, 1.6', () => {
    const vars = readerStyleVariables(DEFAULT_SETTINGS);
    assert.equal(vars['--reader-font-size'], '17px');
    assert.equal(vars['--reader-line-width'], '70ch');
    assert.equal(vars['--reader-line-height'], '1.6');
  });

  it('never writes a value outside the limits, whatever the settings hold', () => {
    const vars = readerStyleVariables({
      readerFont: 'comic; } body { display: none' as never,
      readerFontSize: 400,
      readerLineWidth: -3,
      readerLineHeight: Number.NaN,
    });
    assert.equal(vars['--reader-font'], READER_FONT_STACKS.system);
    assert.equal(vars['--reader-font-size'], `${READER_LIMITS.fontSize.max}px`);
    assert.equal(vars['--reader-line-width'], `${READER_LIMITS.lineWidth.min}ch`);
    assert.equal(vars['--reader-line-height'], String(DEFAULT_SETTINGS.readerLineHeight));
  });
});

describe('clampReaderMeasure', () => {
  it('clamps to READER_LIMITS', () => {
    assert.equal(clampReaderMeasure('fontSize', 8), 12);
    assert.equal(clampReaderMeasure('fontSize', 29), 28);
    assert.equal(clampReaderMeasure('lineWidth', 120), 100);
    assert.equal(clampReaderMeasure('lineWidth', 10), 40);
    assert.equal(clampReaderMeasure('lineHeight', 3), 2.2);
    assert.equal(clampReaderMeasure('lineHeight', 1), 1.2);
  });

  it('rounds onto the step: whole pixels and characters, tenths of a line, no float noise', () => {
    assert.equal(clampReaderMeasure('fontSize', 17.4), 17);
    assert.equal(clampReaderMeasure('lineWidth', 72), 70);
    assert.equal(clampReaderMeasure('lineWidth', 73), 75);
    assert.equal(clampReaderMeasure('lineHeight', 1.2000000000000002), 1.2);
    assert.equal(clampReaderMeasure('lineHeight', 1.6 + 0.1), 1.7);
    assert.ok(Number.isInteger(clampReaderMeasure('fontSize', 23.7)));
  });

  it('falls back to the default for something not a number', () => {
    assert.equal(clampReaderMeasure('fontSize', Number.NaN), DEFAULT_SETTINGS.readerFontSize);
    assert.equal(clampReaderMeasure('lineWidth', Number.POSITIVE_INFINITY), DEFAULT_SETTINGS.readerLineWidth);
  });
});

describe("the article frame's document", () => {
  const vars = readerStyleVariables({
    readerFont: 'sans',
    readerFontSize: 21,
    readerLineWidth: 55,
    readerLineHeight: 2,
  });
  let shell = '';
  let frameCsp: (origin: string) => string = () => '';

  before(async () => {
    // The module's sanitiser builds its DOMPurify over the global window when it loads.
    const { window } = new JSDOM('');
    Object.assign(globalThis, { window, Element: window.Element });
    const document = await import('../../../renderer/src/article-document.js');
    frameCsp = document.frameCsp;
    shell = document.articleShell(theme, 'http://127.0.0.1:4000', vars);
  });

  it('starts with the reader settings, which its body reads', () => {
    assert.ok(shell.includes(`<style id="reader-settings">:root { ${readerStyleDeclarations(vars)} }</style>`), shell);
    for (const [property, variable] of [
      ['font-family', '--reader-font'],
      ['font-size', '--reader-font-size'],
      ['line-height', '--reader-line-height'],
      ['max-width', '--reader-line-width'],
    ])
      assert.match(shell, new RegExp(`body \\{[^}]*${property}: var\\(${variable}\\)`));
  });

  it("colours a search's matches with the theme's highlight", () => {
    assert.match(shell, /mark\.search-hit \{ background: rgb\(255, 226, 122\);/);
  });

  it('keeps its policy: no script at all', () => {
    assert.ok(shell.includes(`content="${frameCsp('http://127.0.0.1:4000')}"`));
    assert.doesNotMatch(frameCsp('http://127.0.0.1:4000'), /script-src/);
    assert.match(frameCsp('http://127.0.0.1:4000'), /^default-src 'none'/);
    assert.doesNotMatch(shell, /<script/i);
  });
});
