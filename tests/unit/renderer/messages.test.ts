/** The string catalogue: every message is valid ICU, and the language choice falls back to English. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IntlMessageFormat } from 'intl-messageformat';
import { en } from '../../../renderer/src/i18n/messages-en.js';
import { chooseLanguage, t } from '../../../renderer/src/i18n/translate.js';

/** The names of the arguments a message uses ({name}, {count, plural, …}). */
function argumentsOf(message: string): string[] {
  return [...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((m) => m[1]!);
}

test('every English message compiles and formats with its own arguments', () => {
  for (const [id, message] of Object.entries(en)) {
    const format = new IntlMessageFormat(message, 'en');
    const values = Object.fromEntries(argumentsOf(message).map((name) => [name, 2]));
    assert.equal(typeof format.format(values), 'string', id);
  }
});

test('t formats plurals and fills placeholders', () => {
  assert.equal(t('common.close'), 'Close');
  assert.throws(() => new IntlMessageFormat('{count, plural, one {#}', 'en'), 'a broken message is caught');
});

test('the language is the first preferred one with a catalogue, its base language counting', () => {
  assert.equal(chooseLanguage(['fr-CA', 'de'], ['en', 'de']), 'de');
  assert.equal(chooseLanguage(['de-AT'], ['en', 'de']), 'de');
  assert.equal(chooseLanguage(['ja'], ['en']), 'en');
  assert.equal(chooseLanguage([], ['en']), 'en');
});
