import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const policyDir = fileURLToPath(new URL('../../electron/main/policy', import.meta.url));

/** The JavaScript a module becomes: type-only imports are gone, anything else stays. */
function runtimeImports(file: string): string[] {
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
  });
  return [...outputText.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]|\brequire\s*\(\s*['"]([^'"]+)['"]/g)].map(
    (match) => match[1] ?? match[2] ?? match[3]!,
  );
}

describe("electron/main/policy: the shell's decisions, free of Electron", () => {
  const files = readdirSync(policyDir).filter((name) => name.endsWith('.ts'));

  it('finds the decision modules', () => {
    expect(files).toEqual(expect.arrayContaining(['ipc-sender.ts', 'navigation.ts', 'origins.ts', 'permissions.ts', 'renderer-files.ts', 'requests.ts']));
  });

  it.each(files)('%s imports electron for types only', (name) => {
    const imports = runtimeImports(join(policyDir, name));
    expect(imports.filter((specifier) => specifier === 'electron' || specifier.startsWith('electron/'))).toEqual([]);
  });

  it('would notice a runtime import (control)', () => {
    const { outputText } = ts.transpileModule("import { app } from 'electron';\nexport const a = app;", {
      compilerOptions: { module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
    });
    expect(outputText).toContain("from 'electron'");
  });
});
