import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'app-builder-lib';
import { getFileMatchers } from 'app-builder-lib/out/fileMatcher';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger, type FilterStats } from 'builder-util';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { TOOLS_DIR } from '../../../scripts/build-tools.mjs';
import { filesUnder, TOOL_MARKERS } from './tool-markers';

/**
 * What `npm run dist` packs, checked without packaging: electron-builder.yml is read, validated
 * against electron-builder's own schema, and its `files` globs are evaluated by electron-builder's
 * own matcher (minimatch, dot files included, a later `!` pattern excluding what an earlier one
 * took). electron-builder adds default exclusions on top when it packs; they only take more away, so
 * a path these globs refuse is never packed.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));

async function readBuilderConfig(text = readFileSync(join(root, 'electron-builder.yml'), 'utf8')): Promise<Configuration> {
  const config = load(text) as Configuration;
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

/** Would electron-builder copy this project-relative file into the app, going by `files`? */
function packs(config: Configuration): (path: string) => boolean {
  const matchers = getFileMatchers(config, 'files', join(root, 'release', 'app'), {
    macroExpander: (pattern) => pattern,
    customBuildOptions: {},
    globalOutDir: join(root, 'release'),
    defaultSrc: root,
  });
  if (!matchers) throw new Error('electron-builder.yml has no `files`');
  const filters = matchers.map((matcher) => matcher.createFilter());
  const aFile = { isDirectory: () => false } as FilterStats;
  return (path) => filters.some((filter) => filter(join(root, path), aFile));
}

const NEVER_PACKED = [
  `${TOOLS_DIR}/preview-web.mjs`,
  `${TOOLS_DIR}/emergency-key.mjs`,
  `${TOOLS_DIR}/chunks/vault-files-abc123.mjs`,
  'out/main/index.js.map',
  'out/preload/index.cjs.map',
  'out/renderer/assets/index-abc123.js.map',
  'tests/core/vault/vault.test.ts',
  'tests/e2e/built-app.e2e.test.ts',
  'tests/support/temp-vault.ts',
  'bench/run.mjs',
  'bench/vault.bench.ts',
  'scripts/build-tools.mjs',
  'scripts/bundle-for-node.mjs',
  'electron/preview-web/server.ts',
  'electron/preview-web/cli.ts',
  'electron/tools/emergency-key.ts',
  'electron/main/index.ts',
  'node_modules/.cache/confidante-bundles/b-abc123/entry.mjs',
  'README.md',
  'electron-builder.yml',
  'vitest.config.ts',
];
const ALWAYS_PACKED = ['out/main/index.js', 'out/preload/index.cjs', 'out/preload/coachee.cjs', 'out/renderer/index.html', 'out/renderer/coachee.html', 'out/renderer/assets/index-abc123.js', 'package.json'];

describe('electron-builder.yml', () => {
  it('sets every fuse that closes a way into the packaged app', async () => {
    const { electronFuses } = await readBuilderConfig();
    expect(electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('keeps the native SQLite module outside the asar archive, where it can be loaded', async () => {
    const { asarUnpack } = await readBuilderConfig();
    expect(asarUnpack).toContain('**/node_modules/better-sqlite3-multiple-ciphers/**');
  });

  it('packs only what runs: no tool, test server, source map, test, benchmark or script', async () => {
    const packed = packs(await readBuilderConfig());
    expect(NEVER_PACKED.filter(packed)).toEqual([]);
    expect(ALWAYS_PACKED.filter((path) => !packed(path))).toEqual([]);
  });

  it('control: the old `out/**` glob is caught packing the tools', async () => {
    const packed = packs(await readBuilderConfig('files: [out/**, package.json, "!**/*.map"]\n'));
    expect(NEVER_PACKED.filter(packed)).toEqual([`${TOOLS_DIR}/preview-web.mjs`, `${TOOLS_DIR}/emergency-key.mjs`, `${TOOLS_DIR}/chunks/vault-files-abc123.mjs`]);
  });

  it('control: a misspelt fuse is refused by electron-builder\'s schema', async () => {
    await expect(readBuilderConfig('electronFuses:\n  runAsNodes: false\n')).rejects.toThrow(/electronFuses/);
  });
});

describe('the built main process (after `npm run build`)', () => {
  const main = join(root, 'out', 'main');
  const tools = join(root, TOOLS_DIR);

  it.skipIf(!existsSync(main))('holds no code from the preview server or the tools', () => {
    const files = filesUnder(main);
    expect(files.map((file) => relative(main, file))).toContain('index.js');
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      for (const marker of Object.values(TOOL_MARKERS).flat()) expect(code.includes(marker), `${marker} in ${file}`).toBe(false);
    }
  });

  it.skipIf(!existsSync(tools))('control: each marker is found in its own tool bundle', () => {
    for (const [name, markers] of Object.entries(TOOL_MARKERS)) {
      const code = readFileSync(join(tools, `${name}.mjs`), 'utf8') + filesUnder(join(tools, 'chunks')).map((file) => readFileSync(file, 'utf8')).join('');
      for (const marker of markers) expect(code, `${marker} in ${name}`).toContain(marker);
    }
  });
});
