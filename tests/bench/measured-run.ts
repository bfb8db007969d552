/**
 * Runs a command as the benchmarks measure it: wall time, peak resident memory (VmHWM)
 * and CPU time (user + system, every thread of the process), sampled from /proc every
 * 10 ms until it exits. Linux only, as the benchmarks are.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CLI, cliNodeFlags } from '../support/cli.js';

export interface RunStats {
  seconds: number;
  /** User + system CPU seconds of the process and all its threads (to the last sample). */
  cpuSeconds: number;
  peakMb: number;
  /** When the first output reached stdout (a refresh's summary: the refresh had ended), or null. */
  firstStdoutSeconds: number | null;
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Clock ticks per second for /proc's utime and stime: 100 on every Linux Node runs on. */
const TICKS = 100;

/** Runs the real `syndic` CLI with these arguments. */
export function runCli(args: string[]): Promise<RunStats> {
  // SYNDIC_BENCH_PROFILE=DIR writes a V8 CPU profile of each measured run there.
  const profile = process.env.SYNDIC_BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SYNDIC_BENCH_PROFILE}`]
    : [];
  return runMeasured(process.execPath, [...cliNodeFlags(), ...profile, CLI, ...args]);
}

/**
 * Runs any program. Asynchronous on purpose: the loopback feed servers live in the
 * bench's own process and must keep answering while it runs.
 */
export function runMeasured(program: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<RunStats> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    let cpuTicks = 0;
    const sample = (): void => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const m = /VmHWM:\s+(\d+)/.exec(status);
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
        // Fields after the command's closing parenthesis: utime and stime are the 12th
        // and 13th of them (the 14th and 15th of the line).
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        cpuTicks = Math.max(cpuTicks, Number(fields[11]) + Number(fields[12]));
      } catch {
        // the process has exited
      }
    };
    const timer = setInterval(sample, 10);
    let firstStdoutSeconds: number | null = null;
    child.stdout.on('data', (d: Buffer) => {
      firstStdoutSeconds ??= (performance.now() - started) / 1000;
      stdout += d;
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
      sample();
    });
    child.on('error', reject);
    child.on('exit', () => sample());
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({
        seconds: (performance.now() - started) / 1000,
        cpuSeconds: cpuTicks / TICKS,
        peakMb: peakKb / 1024,
        firstStdoutSeconds,
        stdout,
        stderr,
        code,
      });
    });
  });
}
