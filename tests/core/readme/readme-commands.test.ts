import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TOOLS, TOOLS_DIR } from '../../../scripts/build-tools.mjs';
import { codeIn, npmCommandsIn, readmeCommandProblems, type Project } from './npm-commands';

/** A newcomer copies commands from the README: each one must exist and run files that exist. */
const root = fileURLToPath(new URL('../../..', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** The folders electron-vite builds into, as electron.vite.config.ts names them. */
const electronViteOutDirs = [...read('electron.vite.config.ts').matchAll(/outDir:\s*'([^']+)'/g)].map((match) => `${match[1]}/`);

const project: Project = {
  scripts: (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts,
  exists: (path) => existsSync(join(root, path)),
  buildsOutputs: (command) => {
    if (/^electron-vite build\b/.test(command)) return electronViteOutDirs;
    if (command === 'node scripts/build-tools.mjs') return Object.keys(TOOLS).map((name) => `${TOOLS_DIR}/${name}.mjs`);
    return null;
  },
};

describe('README commands', () => {
  const readme = read('README.md');

  it('finds the commands the README shows (sanity: the scan sees them at all)', () => {
    const scripts = codeIn(readme)
      .flatMap(npmCommandsIn)
      .flatMap((command) => (command.kind === 'script' ? [command.script] : []));
    expect(scripts).toEqual(expect.arrayContaining(['start', 'test']));
    expect(electronViteOutDirs).toEqual(expect.arrayContaining(['out/main/', 'out/renderer/']));
  });

  it('every npm command in README.md has its script, and every file those scripts run exists or is built first', () => {
    expect(readmeCommandProblems(readme, project)).toEqual([]);
  });
});

describe('the README check itself', () => {
  it('reads inline code and fenced blocks, not prose', () => {
    const markdown = ['Run `npm run a` first.', '', '```sh', 'FOO=1 npm run b -- --flag   # or npm test', '```', '', 'Then npm run c in prose.'].join('\n');
    expect(codeIn(markdown).flatMap(npmCommandsIn).map((command) => command.text)).toEqual(['npm run b', 'npm test', 'npm run a']);
  });

  it('control: `npm run nope` is reported', () => {
    expect(readmeCommandProblems('Try `npm run nope`.', project)).toEqual(['`npm run nope`: package.json has no "nope" script']);
  });

  it('control: a script that runs a file missing from the repository is reported', () => {
    const broken = { ...project, scripts: { ...project.scripts, 'preview:web': 'node scripts/preview-web.mjs' } };
    expect(readmeCommandProblems('```\nnpm run preview:web\n```', broken)).toEqual([
      '`npm run preview:web`: script "preview:web" runs scripts/preview-web.mjs, which is not in the repository',
    ]);
  });

  it('control: a build output run before anything builds it is reported, and found once a step builds it', () => {
    const unbuilt = { ...project, scripts: { ...project.scripts, tool: 'node out/tools/emergency-key.mjs', built: 'npm run build && npm run tool' } };
    expect(readmeCommandProblems('`npm run tool`', unbuilt)).toEqual([
      '`npm run tool`: script "tool" runs out/tools/emergency-key.mjs, which no earlier step of it builds',
    ]);
    expect(readmeCommandProblems('`npm run built`', unbuilt)).toEqual([]);
  });

  it('control: npm builtins need no script; a word npm does not know is reported', () => {
    expect(readmeCommandProblems('`npm install` then `npm ci`', project)).toEqual([]);
    expect(readmeCommandProblems('`npm instal`', project)).toEqual(['`npm instal` is not an npm command']);
  });
});
