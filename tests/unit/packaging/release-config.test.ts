/**
 * The release configuration, checked as a hosted CI and electron-builder would read it:
 * the workflows are valid YAML with the jobs, platforms and steps they must have, and the
 * installer configuration names resources that exist and asks for what the platforms
 * need (per-user NSIS, hardened runtime, the desktop file's categories, .opml and feed:).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';

const root = join(import.meta.dirname, '..', '..', '..');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  strategy?: { matrix: { os?: string[]; include?: Record<string, string>[] } };
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

function load<T>(path: string): T {
  const document = parseDocument(readFileSync(join(root, path), 'utf8'), { prettyErrors: true });
  assert.deepEqual(
    document.errors.map((e) => e.message),
    [],
    `${path} is valid YAML`,
  );
  return document.toJS() as T;
}

function checkSteps(path: string, job: Job): void {
  for (const step of job.steps) {
    assert.ok(Boolean(step.uses) !== Boolean(step.run), `${path}: each step either uses an action or runs a command`);
    if (step.uses)
      assert.match(step.uses, /^[\w-]+\/[\w-]+@v\d+$/, `${path}: ${step.uses} is pinned to a major version`);
    for (const text of [step.run ?? '', step.if ?? '', ...Object.values(step.env ?? {})])
      assert.equal(text.split('${{').length, text.split('}}').length, `${path}: balanced expressions in ${text}`);
  }
}

const OSES = ['ubuntu-latest', 'windows-latest', 'macos-latest'];

describe('workflows', () => {
  it('test.yml runs the tests on Linux, Windows and macOS, the Electron specs under xvfb on Linux', () => {
    const workflow = load<Workflow>('.github/workflows/test.yml');
    assert.ok('push' in workflow.on && 'pull_request' in workflow.on);
    const job = workflow.jobs.test!;
    assert.equal(job['runs-on'], '${{ matrix.os }}');
    assert.deepEqual(job.strategy!.matrix.os, OSES);
    checkSteps('test.yml', job);
    const runs = job.steps.map((s) => s.run ?? '');
    assert.ok(runs.includes('npm ci'), 'a clean install (which downloads Electron)');
    const linux = job.steps.find((s) => s.if === "runner.os == 'Linux'" && /xvfb-run .*npm test/.test(s.run ?? ''));
    const others = job.steps.find((s) => s.if === "runner.os != 'Linux'" && s.run === 'npm test');
    assert.ok(linux && others, 'npm test on every platform, under xvfb on Linux');
  });

  it('release.yml builds every installer on a version tag and publishes it', () => {
    const workflow = load<Workflow>('.github/workflows/release.yml');
    assert.deepEqual((workflow.on.push as { tags: string[] }).tags, ['v*']);
    assert.equal(workflow.permissions?.contents, 'write', 'publishing a release needs write access');
    const job = workflow.jobs.installers!;
    const include = job.strategy!.matrix.include!;
    assert.deepEqual(
      include.map((m) => [m.os, m.platform]),
      [
        ['ubuntu-latest', '--linux'],
        ['windows-latest', '--win'],
        ['macos-latest', '--mac'],
      ],
    );
    checkSteps('release.yml', job);
    const publish = job.steps.find((s) => s.run?.includes('npm run dist'));
    assert.equal(publish?.run, 'npm run dist -- ${{ matrix.platform }} --publish always');
    assert.equal(publish?.env?.GH_TOKEN, '${{ secrets.GITHUB_TOKEN }}');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    assert.match(pkg.scripts.dist!, /electron-builder --config build\/electron-builder\.yml/);
  });
});

describe('electron-builder configuration', () => {
  interface Target {
    target: string;
    arch: string[];
  }
  const config = load<{
    directories: { buildResources: string; output: string };
    asarUnpack: string[];
    npmRebuild: boolean;
    afterPack: string;
    protocols: { schemes: string[] }[];
    fileAssociations: { ext: string }[];
    publish: { provider: string };
    win: { icon: string; target: Target[] };
    nsis: { oneClick: boolean; perMachine: boolean };
    mac: {
      icon: string;
      hardenedRuntime: boolean;
      entitlements: string;
      entitlementsInherit: string;
      target: Target[];
    };
    linux: { icon: string; target: Target[]; desktop: { entry: { Categories: string } }; mimeTypes: string[] };
  }>('build/electron-builder.yml');

  it('asks for every installer of the issue, per platform and architecture', () => {
    const targets = (list: Target[]) => list.map((t) => `${t.target}:${t.arch.join('+')}`);
    assert.deepEqual(targets(config.win.target), ['nsis:x64+arm64', 'portable:x64']);
    assert.deepEqual(targets(config.mac.target), ['dmg:x64+arm64', 'zip:x64+arm64']);
    assert.deepEqual(targets(config.linux.target), ['AppImage:x64', 'deb:x64', 'rpm:x64']);
    assert.deepEqual([config.nsis.oneClick, config.nsis.perMachine], [false, false], 'NSIS installs per user');
    assert.equal(config.mac.hardenedRuntime, true);
    assert.equal(config.publish.provider, 'github', 'electron-updater reads GitHub Releases');
  });

  it('registers .opml files and feed: links, with the desktop categories', () => {
    assert.deepEqual(config.protocols[0]!.schemes, ['feed']);
    assert.deepEqual(
      config.fileAssociations.map((a) => a.ext),
      ['opml'],
    );
    assert.equal(config.linux.desktop.entry.Categories, 'Network;Feed;News;');
    assert.deepEqual(config.linux.mimeTypes, ['text/x-opml', 'x-scheme-handler/feed']);
  });

  it('names resources that exist: icons in every size, entitlements, the native-module hook', () => {
    for (const path of [
      config.win.icon,
      config.mac.icon,
      config.mac.entitlements,
      config.mac.entitlementsInherit,
      config.afterPack,
    ])
      assert.ok(existsSync(join(root, path)), `${path} exists`);
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024])
      assert.ok(existsSync(join(root, config.linux.icon, `${size}x${size}.png`)), `${size}px icon`);
    assert.equal(config.npmRebuild, false, 'the Node build in node_modules is never rebuilt in place');
    assert.ok(config.asarUnpack.includes('node_modules/better-sqlite3/**'));
  });
});
