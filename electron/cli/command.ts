/**
 * What a `syndic` command is: its name, its line in the command list, the options it takes
 * and the work it does. The table (commands/index.ts) lists them; the argument parser, the
 * help texts and the usage errors are derived from these entries, so a command's options
 * are declared once, in its own file.
 */
import type { Io } from './io.js';

interface OptionBase {
  /** A one-letter alias, as in `-h`. */
  readonly short?: string;
  /** The option's line in `syndic <command> --help`. */
  readonly help: string;
}

/** An option that is given or not, as in `--jsonl`. */
export interface FlagOption extends OptionBase {
  readonly type: 'boolean';
}

/** An option with a value, as in `--out FILE`; `value` is how the help writes it. */
export interface ValueOption extends OptionBase {
  readonly type: 'string';
  readonly multiple?: false;
  readonly value: string;
}

/** An option that may be given more than once (`--tag A --tag B`): its values come as a list. */
export interface ListOption extends OptionBase {
  readonly type: 'string';
  readonly multiple: true;
  readonly value: string;
}

export type OptionSpec = FlagOption | ValueOption | ListOption;
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The value parsed for one option, typed from its spec. */
type ValueOf<S extends OptionSpec> = S extends FlagOption ? boolean : S extends ListOption ? string[] : string;

/** Each option's parsed value; absent when the option was not given. */
export type OptionValues<O extends OptionSpecs> = { readonly [K in keyof O]?: ValueOf<O[K]> };

export interface CommandContext<O extends OptionSpecs> {
  /** The arguments after the command's name (never more than its `maxArgs`). */
  readonly args: readonly string[];
  readonly options: OptionValues<O>;
  /** `--data-dir`, else the folder the desktop app uses, so both share one database. */
  readonly dataDir: string;
  readonly io: Io;
}

export interface Command<O extends OptionSpecs = OptionSpecs> {
  readonly name: string;
  /** What follows the name in the command list, as in `<url> [--tag T]...`; may be empty. */
  readonly usage: string;
  /** What the command does, in a line; a `\n` breaks a longer one, aligned under the first. */
  readonly summary: string;
  /** How many arguments it takes after its name: more are a usage error, not ignored. */
  readonly maxArgs: number;
  readonly options: O;
  /** Does the work and returns the exit code; throws a UsageError for a misuse it finds itself. */
  run(context: CommandContext<O>): Promise<number>;
}

/**
 * Declares a command. The `const` type parameter keeps each option's spec exact (literal
 * types), so `run` sees `--tag` as a list and `--jsonl` as a boolean, while the table holds
 * every command as a plain Command.
 */
export function defineCommand<const O extends OptionSpecs>(command: Command<O>): Command<O> {
  return command;
}
