import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The import-direction rule of eslint.config.js, proven on code that breaks it. */
async function violations(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: `${root}/${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('imports flow one way: renderer → shared ← core ← main', () => {
  it.each([
    ['renderer/src/x.ts', "import { Vault } from '../../electron/core/vault/vault';"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/src/x.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/x.ts', "import { Vault } from '../electron/core/vault/vault';"],
    ['shared/x.ts', "import { readFileSync } from 'node:fs';"],
    ['electron/core/x.ts', "import { app } from 'electron';"],
    ['electron/core/x.ts', "import { serveCalls } from '../main/ipc';"],
    ['electron/main/x.ts', "import { api } from '../../renderer/src/api/client';"],
    ['electron/preload/x.ts', "import { Vault } from '../core/vault/vault';"],
  ])('%s may not %s', async (file, code) => {
    expect(await violations(file, code)).toHaveLength(1);
  });

  it.each([
    ['renderer/src/x.ts', "import { AppError } from '@shared/errors';"],
    ['electron/core/x.ts', "import { AppError } from '@shared/errors';"],
    ['electron/main/x.ts', "import { AppCore } from '../core/app-core';"],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron';"],
  ])('%s may %s', async (file, code) => {
    expect(await violations(file, code)).toEqual([]);
  });
});
