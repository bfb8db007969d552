/**
 * The reader settings' controls: the font as radio buttons, text size, line width and
 * line height as sliders (arrow keys step them), and a reset. The same controls sit in
 * the article toolbar's "Aa" menu and in the Settings dialog's Reading section.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { READER_FONTS, READER_LIMITS, type ReaderFont, type Settings } from '../../../../shared/domain.js';
import type { MessageId } from '../../i18n/messages-en.js';
import { t } from '../../i18n/translate.js';
import {
  clampReaderMeasure,
  DEFAULT_READER_SETTINGS,
  READER_FONT_LABELS,
  READER_MEASURE_SETTING,
  READER_STEPS,
  type ReaderMeasure,
} from '../../reader-style.js';
import { updateSettings } from '../../state/actions/settings.js';
import { getState, useStore } from '../../state/store.js';

type ReaderSettings = Pick<Settings, 'readerFont' | 'readerFontSize' | 'readerLineWidth' | 'readerLineHeight'>;

const MEASURES: { measure: ReaderMeasure; label: MessageId; unit: (value: number) => string }[] = [
  { measure: 'fontSize', label: 'reader.fontSize', unit: (v) => t('reader.fontSize.value', { value: v }) },
  { measure: 'lineWidth', label: 'reader.lineWidth', unit: (v) => t('reader.lineWidth.value', { value: v }) },
  { measure: 'lineHeight', label: 'reader.lineHeight', unit: (v) => v.toFixed(1) },
];

function readerSettingsOf(settings: Settings): ReaderSettings {
  return {
    readerFont: settings.readerFont,
    readerFontSize: settings.readerFontSize,
    readerLineWidth: settings.readerLineWidth,
    readerLineHeight: settings.readerLineHeight,
  };
}

export function ReaderSettingsControls() {
  const saved = useStore((s) => s.ui.settings);
  // Drawn from a draft, not the saved settings: a slider held on an arrow key sends a
  // value per step, and each must start from the last one sent, not the last one saved.
  // The draft follows the saved settings again once no change is on its way.
  const [draft, setDraft] = useState<ReaderSettings>(() => readerSettingsOf(saved));
  const pending = useRef(0);
  const { readerFont, readerFontSize, readerLineWidth, readerLineHeight } = saved;
  useEffect(() => {
    if (pending.current === 0) setDraft({ readerFont, readerFontSize, readerLineWidth, readerLineHeight });
  }, [readerFont, readerFontSize, readerLineWidth, readerLineHeight]);
  const id = useId();
  const change = (patch: Partial<ReaderSettings>) => {
    setDraft((d) => ({ ...d, ...patch }));
    pending.current++;
    void updateSettings(patch).finally(() => {
      if (--pending.current === 0) setDraft(readerSettingsOf(getState().ui.settings));
    });
  };
  return (
    <div className="reader-settings">
      <fieldset className="reader-fonts">
        <legend>{t('reader.font')}</legend>
        {READER_FONTS.map((font: ReaderFont) => (
          <label key={font} className="check">
            <input
              type="radio"
              name={`${id}-font`}
              value={font}
              checked={draft.readerFont === font}
              onChange={() => change({ readerFont: font })}
            />
            {t(READER_FONT_LABELS[font])}
          </label>
        ))}
      </fieldset>
      {MEASURES.map(({ measure, label, unit }) => {
        const setting = READER_MEASURE_SETTING[measure];
        const value = draft[setting];
        return (
          <div key={measure} className="reader-measure">
            <label htmlFor={`${id}-${measure}`}>{t(label)}</label>
            <input
              id={`${id}-${measure}`}
              type="range"
              min={READER_LIMITS[measure].min}
              max={READER_LIMITS[measure].max}
              step={READER_STEPS[measure]}
              value={value}
              aria-valuetext={unit(value)}
              onChange={(e) => change({ [setting]: clampReaderMeasure(measure, Number(e.target.value)) })}
            />
            <output htmlFor={`${id}-${measure}`}>{unit(value)}</output>
          </div>
        );
      })}
      <button type="button" className="reader-reset" onClick={() => change(DEFAULT_READER_SETTINGS)}>
        {t('reader.reset')}
      </button>
    </div>
  );
}
