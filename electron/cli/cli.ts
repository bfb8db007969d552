/**
 * `syndic`: the reader's headless commands, over the same ReaderService as the app. This
 * module finds the command in the arguments, parses that command's options, runs it from
 * the table (commands/index.ts) and turns what went wrong into a message and an exit code
 * (exit-codes.ts). Progress goes to stderr, results to stdout, so scripts can pipe them.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { defaultDataDir } from '../engine/data-dir.js';
import { FetchError } from '../engine/feeds/fetch.js';
import { NotAFeedError } from '../engine/feeds/not-a-feed.js';
import { UserError } from '../engine/reader/user-error.js';
import { DatabaseTooNewError } from '../engine/store/migrate.js';
import { DamagedDatabaseError, isDamagedDatabaseError, NoWholeBackupError } from '../engine/store/recovery.js';
import type { Command, OptionSpecs, OptionValues } from './command.js';
import { COMMANDS } from './commands/index.js';
import { EXIT } from './exit-codes.js';
import { globalOptions } from './global-options.js';
import { commandHelp, usageText } from './help.js';
import { defaultIo, type Io } from './io.js';
import { UsageError } from './usage-error.js';

export { EXIT } from './exit-codes.js';

type ParseOptions = NonNullable<ParseArgsConfig['options']>;

/** The option specs as node:util's parseArgs wants them. */
function parserOptions(specs: OptionSpecs): ParseOptions {
  return Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [
      name,
      // parseArgs refuses a `short` that is present but undefined.
      {
        type: spec.type,
        multiple: spec.type === 'string' && spec.multiple === true,
        ...(spec.short ? { short: spec.short } : {}),
      },
    ]),
  );
}

/**
 * Finds the command: the first argument that is neither an option nor an option's value.
 * Options may come before the command (`syndic --data-dir D list`), so every command's
 * options are known here, to tell `--out FILE`'s value from a command's name (so two
 * commands must not give one option name different types).
 */
function locateCommand(argv: string[]): { name: string | undefined; rest: string[]; help: boolean } {
  const every = Object.assign({}, ...COMMANDS.map((c) => c.options), globalOptions()) as OptionSpecs;
  const { values, tokens } = parseArgs({ args: argv, options: parserOptions(every), strict: false, tokens: true });
  const first = tokens.find((token) => token.kind === 'positional');
  const rest = first ? argv.filter((_, i) => i !== first.index) : argv;
  return { name: first?.value, rest, help: values.help === true };
}

export async function runCli(argv: string[], io: Io = defaultIo): Promise<number> {
  const { name, rest, help } = locateCommand(argv);
  if (name === undefined) {
    (help ? io.out : io.err)(usageText(COMMANDS));
    return help ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`syndic: unknown command "${name}"\n\n${usageText(COMMANDS)}`);
    return EXIT.usage;
  }

  let dataDir = defaultDataDir();
  try {
    const parsed = parseCommandLine(command, rest);
    if (parsed.help) {
      io.out(commandHelp(command));
      return EXIT.ok;
    }
    dataDir = parsed.dataDir ?? dataDir;
    return await command.run({ args: parsed.args, options: parsed.options, dataDir, io });
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`syndic ${command.name}: ${error.message}\n\n${commandHelp(command)}`);
      return EXIT.usage;
    }
    return reportFailure(error, dataDir, io);
  }
}

/** The command's arguments and options, checked against its entry in the table. */
function parseCommandLine(
  command: Command,
  argv: string[],
): { args: string[]; options: OptionValues<OptionSpecs>; dataDir?: string; help: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: parserOptions({ ...command.options, ...globalOptions() }),
      allowPositionals: true,
    });
  } catch (error) {
    // parseArgs says what was wrong (an unknown option, a missing value) in its own words.
    throw new UsageError((error as Error).message);
  }
  const { 'data-dir': dataDir, help, ...options } = parsed.values;
  const args = parsed.positionals;
  // Checked after --help, so `syndic restore --help` shows help rather than an error.
  if (help !== true && args.length > command.maxArgs) {
    throw new UsageError(`unexpected argument "${args[command.maxArgs]}"`);
  }
  return {
    args,
    // parseArgs gave each option the type its spec declares.
    options: options as OptionValues<OptionSpecs>,
    dataDir: typeof dataDir === 'string' ? dataDir : undefined,
    help: help === true,
  };
}

/**
 * An error from a command, as a message on stderr and the exit code that tells its kind.
 * Errors from browser mode's engine thread arrive as plain Errors that keep only their
 * name (app/engine-client.ts), so the database's errors are recognised by name too.
 */
function reportFailure(error: unknown, dataDir: string, io: Io): number {
  const name = error instanceof Error ? error.name : '';
  if (error instanceof NotAFeedError) {
    io.err(`syndic: ${error.message}`);
    return EXIT.notAFeed;
  }
  if (error instanceof DamagedDatabaseError || name === 'DamagedDatabaseError' || isDamagedDatabaseError(error)) {
    io.err(
      `syndic: the database in ${dataDir} is damaged (${(error as Error).message}). Nothing has been deleted.\n` +
        'Run `syndic recover --restore-latest` to restore the latest backup, or `syndic recover --start-fresh`;\n' +
        'either way the damaged file is kept aside.',
    );
    return EXIT.damaged;
  }
  if (error instanceof DatabaseTooNewError || name === 'DatabaseTooNewError') {
    io.err(`syndic: ${(error as Error).message}`);
    return EXIT.database;
  }
  if (error instanceof FetchError || error instanceof UserError || error instanceof NoWholeBackupError) {
    io.err(`syndic: ${error.message}`);
    return EXIT.failed;
  }
  // A file named on the command line that is not there (parse, import-opml).
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    io.err(`syndic: ${(error as Error).message}`);
    return EXIT.failed;
  }
  // Anything else is a defect: bin.ts prints it with its stack.
  throw error;
}
