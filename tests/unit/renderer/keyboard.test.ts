/** The keyboard map (renderer/src/keyboard.ts): which key does what, and where a key is left alone. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  commandForKey,
  GO_KEYS,
  KEYMAP,
  SHORTCUTS,
  type KeyCommand,
  type KeyContext,
  type KeyPress,
} from '../../../renderer/src/keyboard.js';

const READING: KeyContext = { dialogOpen: false, typing: false, onControl: false, pendingG: false };

function press(key: string, modifiers: Partial<KeyPress> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, altKey: false, ...modifiers };
}

function commandFor(key: string, context: Partial<KeyContext> = {}, modifiers: Partial<KeyPress> = {}) {
  return commandForKey(press(key, modifiers), { ...READING, ...context });
}

/** Plays a press from the help ("g a" is g, then a) and returns the command of its last key. */
function play(sequence: string, context: Partial<KeyContext> = {}): KeyCommand | null {
  // Space is a key of its own, not a separator; "Shift+ " is Space with Shift.
  if (sequence === ' ') return commandFor(' ', context);
  if (sequence.startsWith('Shift+')) return commandFor(sequence.slice(6), context, { shiftKey: true });
  const keys = sequence.split(' ');
  let command: KeyCommand | null = null;
  let pendingG = false;
  for (const key of keys) {
    command = commandFor(key, { ...context, pendingG });
    pendingG = command?.kind === 'start-go';
  }
  return command;
}

describe('the keyboard map', () => {
  it('moves through the list with j and k, and between unread articles with n and p', () => {
    assert.deepEqual(commandFor('j'), { kind: 'move', delta: 1 });
    assert.deepEqual(commandFor('k'), { kind: 'move', delta: -1 });
    assert.deepEqual(commandFor('n'), { kind: 'move-unread', delta: 1 });
    assert.deepEqual(commandFor('p'), { kind: 'move-unread', delta: -1 });
  });

  it('maps the single-key actions: m, s, o, Enter, Shift+A, r, / and ?', () => {
    assert.deepEqual(commandFor('m'), { kind: 'toggle-read' });
    assert.deepEqual(commandFor('s'), { kind: 'toggle-star' });
    assert.deepEqual(commandFor('o'), { kind: 'open-original' });
    assert.deepEqual(commandFor('Enter'), { kind: 'open-original' });
    assert.deepEqual(commandFor('A'), { kind: 'mark-all-read' });
    assert.deepEqual(commandFor('r'), { kind: 'refresh' });
    assert.deepEqual(commandFor('/'), { kind: 'focus-search' });
    assert.deepEqual(commandFor('?'), { kind: 'show-shortcuts' });
  });

  it('marks above and below the selected article with Shift+K and Shift+J, not with k and j', () => {
    assert.deepEqual(commandFor('K', {}, { shiftKey: true }), { kind: 'mark-above' });
    assert.deepEqual(commandFor('J', {}, { shiftKey: true }), { kind: 'mark-below' });
    assert.deepEqual(commandFor('k'), { kind: 'move', delta: -1 });
    assert.equal(commandFor('K', { typing: true }, { shiftKey: true }), null);
  });

  it('opens the selected article’s menu with Shift+F10 or the Menu key, not with F10 alone', () => {
    assert.deepEqual(commandFor('F10', {}, { shiftKey: true }), { kind: 'article-menu' });
    assert.deepEqual(commandFor('ContextMenu'), { kind: 'article-menu' });
    assert.equal(commandFor('F10'), null);
    assert.equal(commandFor('ContextMenu', { dialogOpen: true }), null);
  });

  it('tells lower-case a (nothing) from Shift+A (mark all read)', () => {
    assert.equal(commandFor('a'), null);
    assert.deepEqual(commandFor('A'), { kind: 'mark-all-read' });
  });

  it('leaves keys pressed with Ctrl, Cmd or Alt to the browser and the system', () => {
    assert.equal(commandFor('j', {}, { ctrlKey: true }), null);
    assert.equal(commandFor('r', {}, { metaKey: true }), null);
    assert.equal(commandFor('s', {}, { altKey: true }), null);
    assert.equal(commandFor('Escape', { dialogOpen: true }, { ctrlKey: true }), null);
  });

  it('returns null for a key that is no shortcut, including names inherited by plain objects', () => {
    assert.equal(commandFor('x'), null);
    assert.equal(commandFor('constructor'), null);
    assert.equal(commandFor('Tab'), null);
  });

  it('moves through the list with Up and Down, and walks the sidebar with them there', () => {
    assert.deepEqual(commandFor('ArrowDown'), { kind: 'move', delta: 1 });
    assert.deepEqual(commandFor('ArrowUp', { region: 'list' }), { kind: 'move', delta: -1 });
    assert.deepEqual(commandFor('ArrowDown', { region: 'sidebar' }), { kind: 'move-in-pane', delta: 1 });
    // In the article they scroll it, as the browser does.
    assert.equal(commandFor('ArrowDown', { region: 'article' }), null);
    // A splitter or a slider keeps the arrows; Shift+arrows (selection) are the browser's.
    assert.equal(commandFor('ArrowLeft', { onArrowControl: true }), null);
    assert.equal(commandFor('ArrowDown', {}, { shiftKey: true }), null);
  });

  it('pages the article with Space and back with Shift+Space, and moves focus across panes with Left and Right', () => {
    assert.deepEqual(commandFor(' '), { kind: 'page', delta: 1 });
    assert.deepEqual(commandFor(' ', { region: 'article' }), { kind: 'page', delta: 1 });
    assert.deepEqual(commandFor(' ', {}, { shiftKey: true }), { kind: 'page', delta: -1 });
    assert.deepEqual(commandFor('ArrowLeft', { region: 'list' }), { kind: 'focus-pane', delta: -1 });
    assert.deepEqual(commandFor('ArrowRight', { region: 'article' }), { kind: 'focus-pane', delta: 1 });
  });

  it('goes to a smart view with g followed by a, u, s or t', () => {
    assert.deepEqual(commandFor('g'), { kind: 'start-go' });
    assert.deepEqual(commandFor('a', { pendingG: true }), { kind: 'go', view: 'all' });
    assert.deepEqual(commandFor('u', { pendingG: true }), { kind: 'go', view: 'unread' });
    assert.deepEqual(commandFor('s', { pendingG: true }), { kind: 'go', view: 'starred' });
    assert.deepEqual(commandFor('t', { pendingG: true }), { kind: 'go', view: 'today' });
  });

  it('ends a g sequence on a key that names no view, without running that key', () => {
    assert.deepEqual(commandFor('j', { pendingG: true }), { kind: 'end-go' });
    assert.deepEqual(commandFor('g', { pendingG: true }), { kind: 'end-go' });
  });

  it('closes a dialog with Escape, and else leaves the text field being typed in', () => {
    assert.deepEqual(commandFor('Escape', { dialogOpen: true }), { kind: 'close-dialog' });
    assert.deepEqual(commandFor('Escape', { dialogOpen: true, typing: true }), { kind: 'close-dialog' });
    assert.deepEqual(commandFor('Escape', { typing: true }), { kind: 'leave-field' });
    assert.equal(commandFor('Escape'), null);
  });

  it('gives no shortcut while a dialog is open or while typing in a field', () => {
    for (const key of ['j', 'r', 'A', '/', '?', 'g']) {
      assert.equal(commandFor(key, { dialogOpen: true }), null, `${key} with a dialog open`);
      assert.equal(commandFor(key, { typing: true }), null, `${key} while typing`);
    }
    assert.equal(commandFor('a', { typing: true, pendingG: true }), null);
  });

  it('leaves Enter and Space to a focused button, link or splitter, but not other keys', () => {
    assert.equal(commandFor('Enter', { onControl: true }), null);
    assert.equal(commandFor(' ', { onControl: true }), null);
    assert.equal(commandFor(' ', { onControl: true, pendingG: true }), null);
    assert.deepEqual(commandFor('j', { onControl: true }), { kind: 'move', delta: 1 });
  });
});

describe('the shortcut list (?) and the keys agree', () => {
  it('every press the list shows does something', () => {
    for (const shortcut of SHORTCUTS) {
      for (const sequence of shortcut.presses) {
        // Esc acts where there is something to close or leave.
        const context = sequence === 'Escape' ? { dialogOpen: true } : {};
        const command = play(sequence, context);
        assert.ok(command && command.kind !== 'end-go', `"${shortcut.keys}" (${sequence}) does nothing`);
      }
    }
  });

  it('every key that does something is in the list', () => {
    const listed = new Set(SHORTCUTS.flatMap((s) => s.presses));
    for (const key of KEYMAP.keys()) {
      if (key === 'g') continue; // g alone only starts a sequence; the list shows the sequences
      assert.ok(listed.has(key), `${key} is missing from the shortcut list`);
    }
    for (const key of GO_KEYS.keys()) assert.ok(listed.has(`g ${key}`), `g then ${key} is missing from the list`);
  });
});
