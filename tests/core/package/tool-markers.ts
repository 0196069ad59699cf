import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TOOLS } from '../../../scripts/build-tools.mjs';

/**
 * Strings found only in each tool's code (a function name, a line it prints). Their absence from
 * out/main shows that no tool was built into the app; the tests also find each one in its own tool
 * bundle, so that absence means something.
 */
export const TOOL_MARKERS: Record<keyof typeof TOOLS, string[]> = {
  'preview-web': ['startPreviewServer', 'preview:web ready'],
  'emergency-key': ['Recovery code: ', 'with SQLCipher 4 and run:'],
};

/** Every file below `dir`; none when it does not exist (the tools share no chunk, say). */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
