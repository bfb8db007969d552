/**
 * Where things are in a JSON text, for messages about a file a person edited: the line and
 * column of a syntax error (JSON.parse names a position for some errors only), and where
 * each value starts (so a rule refused by the schema is named with the line it starts on).
 * The values themselves still come from JSON.parse; this only walks the text.
 */

export type JsonPath = readonly (string | number)[];

export interface TextPlace {
  line: number;
  column: number;
}

/** A syntax error: where, and what was expected there. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly place: TextPlace,
    readonly expected: string,
  ) {
    super(`line ${place.line}, column ${place.column}: expected ${expected}`);
  }
}

export function placeOf(text: string, offset: number): TextPlace {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrt';

/**
 * Walks the text as JSON, calling `onValue` with each value's path and offset; throws a
 * JsonSyntaxError at the first place that is not JSON.
 */
export function walkJson(text: string, onValue: (path: JsonPath, offset: number) => void): void {
  let i = 0;
  const path: (string | number)[] = [];
  const fail = (expected: string): never => {
    throw new JsonSyntaxError(placeOf(text, i), expected);
  };
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const string = (): string => {
    const start = ++i;
    for (;;) {
      if (i >= text.length) return fail('a closing quote');
      const c = text.charCodeAt(i);
      if (c === 0x22) return JSON.parse(text.slice(start - 1, ++i)) as string;
      if (c < 0x20) return fail('no control character inside a string (write \\n for a new line)');
      if (c === 0x5c) {
        const e = text[++i] ?? '';
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 4;
        else if (!ESCAPES.includes(e) || e === '') return fail('an escape such as \\" or \\n');
      }
      i++;
    }
  };
  const value = (): void => {
    space();
    onValue(path, i);
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') return void i++;
      for (;;) {
        space();
        if (text[i] !== '"') fail('a property name in double quotes');
        path.push(string());
        space();
        if (text[i] !== ':') fail("':'");
        i++;
        value();
        path.pop();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail("',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') return void i++;
      for (let n = 0; ; n++) {
        path.push(n);
        value();
        path.pop();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail("',' or ']'");
      }
    }
    if (c === '"') return void string();
    for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return void (i += word.length);
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) return void (i = NUMBER.lastIndex);
    fail('a value');
  };
  value();
  space();
  if (i < text.length) fail('the end of the file');
}
