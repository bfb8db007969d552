/**
 * The help texts, printed from the table of commands: `syndic --help` lists every command
 * with its summary, `syndic <command> --help` shows one command with its options. Nothing
 * here names a command, so a command added to the table is in the help too.
 */
import type { Command, OptionSpec, OptionSpecs } from './command.js';
import { EXIT_CODES_HELP } from './exit-codes.js';
import { globalOptions } from './global-options.js';

/** The width of the left column; the descriptions start two spaces after it. */
const LEFT = 24;
const INDENT = ' '.repeat(2 + LEFT + 2);

/**
 * A term and its description, the description in its own column; a term too wide for the
 * column gets a line to itself, with the description on the next.
 */
function row(term: string, description: string): string[] {
  const [first = '', ...more] = description.split('\n');
  const head = term.length <= LEFT ? [`  ${term.padEnd(LEFT)}  ${first}`] : [`  ${term}`, INDENT + first];
  return [...head, ...more.map((line) => INDENT + line)];
}

function synopsis(command: Command): string {
  return command.usage ? `${command.name} ${command.usage}` : command.name;
}

function optionRows(options: OptionSpecs): string[] {
  const term = (name: string, spec: OptionSpec): string =>
    spec.type === 'string' ? `--${name} ${spec.value}` : `--${name}`;
  return Object.entries(options).flatMap(([name, spec]) => row(term(name, spec), spec.help));
}

/** `syndic --help`, and what a usage error without a command prints after its message. */
export function usageText(commands: readonly Command[]): string {
  return [
    'Usage: syndic <command> [options]',
    '',
    'Commands:',
    ...commands.flatMap((command) => row(synopsis(command), command.summary)),
    '',
    'Options:',
    ...optionRows(globalOptions()),
    '',
    EXIT_CODES_HELP,
  ].join('\n');
}

/** `syndic <command> --help`, and what that command's usage errors print after their message. */
export function commandHelp(command: Command): string {
  return [
    `Usage: syndic ${synopsis(command)}`,
    '',
    command.summary,
    '',
    'Options:',
    ...optionRows({ ...command.options, ...globalOptions() }),
  ].join('\n');
}
