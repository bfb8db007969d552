/**
 * The window's words live in the catalogue (renderer/src/i18n/), never in a component, so a
 * translation is a new catalogue and nothing else. This scans the renderer's components
 * (their syntax tree, not their text) for words written in place: JSX text, string literals
 * in the attributes a user reads or hears, and in the labels and titles of the menus and
 * dialogs they build. It also checks the other side: every id that t() or tParts() is given
 * exists, gets the values its message names, and every message parses.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import ts from 'typescript';
import { en, PARTS } from '../../../renderer/src/i18n/messages-en.js';

const RENDERER = fileURLToPath(new URL('../../../renderer/src/', import.meta.url));
const CATALOGUE_DIR = join(RENDERER, 'i18n');

/** Attributes whose value is read on screen or said by a screen reader. */
const SHOWN_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-placeholder',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);
/** Properties of the objects a component builds for what it shows (a menu's entries, a dialog's text). */
const SHOWN_PROPERTIES = new Set(['label', 'title', 'message', 'text', 'confirm', 'placeholder']);
/** Words are letters; punctuation and symbols ("×", "·", "—", digits) are no language. */
const LETTER = /\p{L}/u;
/** Inside <kbd> only: key names, which stay as the keyboard prints them. */
const KEY_NAMES = new Set(['Shift', 'Ctrl', 'Alt', 'Tab', 'Enter', 'Esc']);

function sources(dir: string, extension: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === CATALOGUE_DIR ? [] : sources(path, extension);
    return entry.name.endsWith(extension) ? [path] : [];
  });
}

function parse(source: string, fileName: string): ts.SourceFile {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
}

/**
 * The strings an expression can evaluate to as it stands: literals, the fixed parts of a
 * template, either branch of a condition, the value side of && / || / ??. Not what a call
 * returns (t() is the point), nor markup (visited on its own).
 */
function shownStrings(node: ts.Expression): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node))
    return [
      [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' '),
      ...node.templateSpans.flatMap((span) => shownStrings(span.expression)),
    ];
  if (ts.isConditionalExpression(node)) return [...shownStrings(node.whenTrue), ...shownStrings(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return shownStrings(node.right);
    if (
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.QuestionQuestionToken ||
      op === ts.SyntaxKind.PlusToken
    )
      return [...shownStrings(node.left), ...shownStrings(node.right)];
    return [];
  }
  if (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isNonNullExpression(node) ||
    ts.isSatisfiesExpression(node)
  )
    return shownStrings(node.expression);
  return [];
}

/** Words: letters, and not a catalogue id (a map from a value to its message names the id). */
const isWords = (text: string): boolean => LETTER.test(text) && !(text in en);

function inKbd(node: ts.Node): boolean {
  const element = node.parent;
  return ts.isJsxElement(element) && element.openingElement.tagName.getText() === 'kbd';
}

/** The literal words a component's source holds, as "line: text". */
export function literalWords(source: string, fileName = 'component.tsx'): string[] {
  const file = parse(source, fileName);
  const found: string[] = [];
  const report = (node: ts.Node, texts: string[]): void => {
    for (const text of texts.map((s) => s.trim()).filter(isWords)) {
      const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
      found.push(`${line + 1}: ${text}`);
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      const text = node.text.trim();
      if (!(inKbd(node) && text.split(/[+ ]/).every((key) => KEY_NAMES.has(key) || key.length === 1)))
        report(node, [text]);
    } else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      report(node, shownStrings(node.expression));
    } else if (ts.isJsxAttribute(node) && SHOWN_ATTRIBUTES.has(node.name.getText(file))) {
      const value = node.initializer;
      if (value && ts.isStringLiteral(value)) report(value, [value.text]);
      else if (value && ts.isJsxExpression(value) && value.expression) report(value, shownStrings(value.expression));
    } else if (
      ts.isPropertyAssignment(node) &&
      (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) &&
      SHOWN_PROPERTIES.has(node.name.text)
    ) {
      report(node.initializer, shownStrings(node.initializer));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** A call of t() or tParts(): the ids it may pass, and the names of the values it gives (null: not a literal object). */
interface MessageCall {
  where: string;
  ids: string[];
  values: string[] | null;
}

export function messageCalls(source: string, fileName: string): MessageCall[] {
  const file = parse(source, fileName);
  const calls: MessageCall[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      (node.expression.text === 't' || node.expression.text === 'tParts') &&
      node.arguments[0]
    ) {
      const [id, values] = node.arguments;
      const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
      calls.push({
        where: `${fileName.slice(RENDERER.length)}:${line + 1}`,
        ids: shownStrings(id!),
        values:
          values === undefined
            ? []
            : ts.isObjectLiteralExpression(values)
              ? values.properties.map((p) => p.name?.getText(file) ?? '…')
              : null,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return calls;
}

/** The names of a message's arguments, nested ones too ({count, plural, … {n} …}). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: unknown[]): void => {
    for (const element of elements as { type: number; value?: unknown; options?: object; children?: unknown[] }[]) {
      // Types 1 to 6 are argument, number, date, time, select and plural; 8 a tag.
      if (element.type >= 1 && element.type <= 6 && typeof element.value === 'string') names.add(element.value);
      for (const option of Object.values(element.options ?? {}) as { value: unknown[] }[]) walk(option.value);
      if (element.children) walk(element.children);
    }
  };
  walk(new IntlMessageFormat(message, 'en').getAst());
  return [...names].sort();
}

const componentFiles = sources(RENDERER, '.tsx');
const rendererFiles = [...componentFiles, ...sources(RENDERER, '.ts')];

describe('the window’s words are in the catalogue', () => {
  it('no component writes words in place', () => {
    const found = componentFiles.flatMap((file) =>
      literalWords(readFileSync(file, 'utf8'), file).map((at) => `${file.slice(RENDERER.length)}:${at}`),
    );
    assert.deepEqual(found, []);
  });

  it('the scan sees words where a component would show them, and lets symbols, ids and key names be', () => {
    const source = `
      const entries = [{ kind: 'action', label: 'Mark as read' }, { label: 'list.menu.markRead' }];
      export const A = () => (
        <div title="Close" aria-label={\`Edit \${name}\`} className="not checked">
          Skip to the list
          <button aria-label={open ? 'Collapse' : t('x')}>×</button>
          {busy ? 'Looking…' : t('addFeed.add')}
          {error && \` · \${error}\`}
          <kbd>Shift+K</kbd> <kbd>Space bar</kbd>
          <span>{' · '}#{tag}</span>
        </div>
      );`;
    assert.deepEqual(literalWords(source), [
      '2: Mark as read',
      '4: Close',
      '4: Edit',
      '5: Skip to the list',
      '6: Collapse',
      '7: Looking…',
      '9: Space bar',
    ]);
  });

  it('every id given to t() or tParts() exists, with the values its message names', () => {
    const calls = rendererFiles.flatMap((file) => messageCalls(readFileSync(file, 'utf8'), file));
    assert.ok(calls.length > 300, `only ${calls.length} calls found: the scan is broken`);
    const problems: string[] = [];
    for (const call of calls) {
      if (call.ids.length === 0) continue; // an id held in a typed variable: the compiler checks it
      for (const id of call.ids) {
        const message = (en as Record<string, string>)[id];
        if (message === undefined) {
          problems.push(`${call.where}: no message ${id}`);
          continue;
        }
        const wanted = argumentsOf(message);
        if (call.values && wanted.join() !== [...call.values].sort().join())
          problems.push(`${call.where}: ${id} wants {${wanted.join(', ')}}, given {${call.values.join(', ')}}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('every message of the catalogue is shown somewhere', () => {
    const code = rendererFiles.map((file) => readFileSync(file, 'utf8')).join('\n');
    const unused = Object.keys(en).filter((id) => !code.includes(`'${id}'`));
    assert.deepEqual(unused, []);
  });
});

describe('the catalogue', () => {
  it('parses every message, and a message without arguments says itself (no stray quote or tag)', () => {
    for (const [id, message] of Object.entries(en)) {
      const format = new IntlMessageFormat(message, 'en');
      const values = Object.fromEntries(argumentsOf(message).map((name) => [name, 1]));
      assert.equal(typeof format.format(values), 'string', id);
      if (argumentsOf(message).length === 0) assert.equal(format.format(), message, id);
    }
  });

  it('has no id in two parts (a later part would silently win)', () => {
    const ids = Object.values(PARTS).flatMap((part) => Object.keys(part));
    assert.deepEqual(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      [],
    );
  });

  it('finds a call’s missing value, and an id that is not there', () => {
    const file = join(RENDERER, 'sample.tsx');
    const calls = messageCalls(`t('feed.edit'); t(on ? 'common.ok' : 'no.such', { x }); t(id, values);`, file);
    assert.deepEqual(
      calls.map((c) => [c.ids, c.values]),
      [
        [['feed.edit'], []],
        [['common.ok', 'no.such'], ['x']],
        [[], null],
      ],
    );
    assert.deepEqual(argumentsOf(en['feed.edit']), ['title']);
    assert.deepEqual(argumentsOf(en['list.search.results']), ['count', 'n']);
  });
});
