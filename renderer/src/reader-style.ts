/**
 * The reader settings (font, text size, line width, line height) as CSS custom
 * properties. The article frame and the article's header outside it read the same
 * variables, so one change restyles both without rebuilding the frame's document (its
 * images stay loaded). Pure: settings in, strings out.
 */
import { DEFAULT_SETTINGS, READER_LIMITS, type ReaderFont, type Settings } from '../../shared/domain.js';
import type { MessageId } from './i18n/messages-en.js';

/** The font stacks; each names fonts of the three desktop systems before the generic family. */
export const READER_FONT_STACKS: Readonly<Record<ReaderFont, string>> = {
  system: "system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, Cantarell, 'Noto Sans', sans-serif",
  sans: "'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', 'Noto Sans', 'DejaVu Sans', sans-serif",
  serif: "Charter, 'Iowan Old Style', Georgia, Cambria, 'Noto Serif', 'DejaVu Serif', 'Times New Roman', serif",
};

/** The fonts' names in the catalogue. */
export const READER_FONT_LABELS: Readonly<Record<ReaderFont, MessageId>> = {
  system: 'reader.font.system',
  sans: 'reader.font.sans',
  serif: 'reader.font.serif',
};

/** The three measures the reader can set, with the setting each is stored in. */
export type ReaderMeasure = keyof typeof READER_LIMITS;

export const READER_MEASURE_SETTING = {
  fontSize: 'readerFontSize',
  lineWidth: 'readerLineWidth',
  lineHeight: 'readerLineHeight',
} as const satisfies Record<ReaderMeasure, keyof Settings>;

/**
 * One step of each control. Sizes and widths are whole numbers (the schema wants
 * integers); the line height moves by tenths.
 */
export const READER_STEPS: Readonly<Record<ReaderMeasure, number>> = { fontSize: 1, lineWidth: 5, lineHeight: 0.1 };

/**
 * A measure brought within its limits and onto its step, so what the controls send is
 * always something the engine accepts. Something not a number falls back to the default.
 */
export function clampReaderMeasure(measure: ReaderMeasure, value: number): number {
  const { min, max } = READER_LIMITS[measure];
  if (!Number.isFinite(value)) return DEFAULT_SETTINGS[READER_MEASURE_SETTING[measure]];
  const step = READER_STEPS[measure];
  // Rounded to the step, then to tenths, which drops float noise (1.2000000000000002).
  const stepped = Math.round(Math.round(value / step) * step * 10) / 10;
  return Math.min(max, Math.max(min, stepped));
}

/** What the reader settings style, as custom properties for an element's style. */
export type ReaderStyleVariables = Readonly<Record<`--reader-${string}`, string>>;

/**
 * The settings as CSS variables. Values come from enums and clamped numbers only, so
 * nothing a setting holds can add a declaration to the stylesheet that uses them.
 */
export function readerStyleVariables(
  settings: Pick<Settings, 'readerFont' | 'readerFontSize' | 'readerLineWidth' | 'readerLineHeight'>,
): ReaderStyleVariables {
  const font = READER_FONT_STACKS[settings.readerFont] ?? READER_FONT_STACKS.system;
  return {
    '--reader-font': font,
    '--reader-font-size': `${clampReaderMeasure('fontSize', settings.readerFontSize)}px`,
    '--reader-line-width': `${clampReaderMeasure('lineWidth', settings.readerLineWidth)}ch`,
    '--reader-line-height': String(clampReaderMeasure('lineHeight', settings.readerLineHeight)),
  };
}

/** The variables as declarations, for the frame's stylesheet (its first paint is already right). */
export function readerStyleDeclarations(variables: ReaderStyleVariables): string {
  return Object.entries(variables)
    .map(([name, value]) => `${name}: ${value};`)
    .join(' ');
}

/** The reader settings back to their defaults (the controls' Reset). */
export const DEFAULT_READER_SETTINGS = {
  readerFont: DEFAULT_SETTINGS.readerFont,
  readerFontSize: DEFAULT_SETTINGS.readerFontSize,
  readerLineWidth: DEFAULT_SETTINGS.readerLineWidth,
  readerLineHeight: DEFAULT_SETTINGS.readerLineHeight,
} as const satisfies Partial<Settings>;
