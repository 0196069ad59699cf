// The coachee copy's web page, built into one HTML string at build time and handed to the core as
// the virtual module `virtual:confidante-coachee-copy-page`. The core fills in the armored age file
// at export time; nothing about the page is bundled then.
//
// The page (renderer/src/coachee-copy/: index.html, main.ts, copy.css) is bundled with everything
// it imports (age-encryption, fflate, @noble/*) into one classic script, inlined with the
// stylesheet, under a Content-Security-Policy that allows nothing but that exact script and that
// exact style (by their SHA-256 hashes) and data: images (the map pictures, made in the page).
//
// Every build that bundles the core needs this plugin: electron.vite.config.ts (main),
// vitest.config.ts, scripts/bundle-for-node.mjs.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PAGE_DIR = join(root, 'renderer/src/coachee-copy');

export const COACHEE_COPY_PAGE_MODULE = 'virtual:confidante-coachee-copy-page';
const RESOLVED = `\0${COACHEE_COPY_PAGE_MODULE}`;
/** Where the armored age file goes; replaced once, at export time. */
export const ARMOR_SLOT = '%AGE_ARMOR%';

const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

async function bundleScript() {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    publicDir: false,
    resolve: { alias: { '@shared': join(root, 'shared') } },
    build: {
      write: false,
      emptyOutDir: false,
      copyPublicDir: false,
      minify: true,
      // Browsers of the last few years, Safari included: nothing newer is needed.
      target: ['es2020', 'chrome90', 'firefox90', 'safari15', 'edge90'],
      lib: { entry: join(PAGE_DIR, 'main.ts'), formats: ['iife'], name: 'confidanteCoacheeCopy', fileName: () => 'page.js' },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output).filter((item) => item.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`the coachee copy page must bundle to one script, not ${chunks.length}`);
  return chunks[0].code;
}

export async function buildCoacheeCopyPage() {
  const template = readFileSync(join(PAGE_DIR, 'index.html'), 'utf8');
  const css = readFileSync(join(PAGE_DIR, 'copy.css'), 'utf8').trim();
  const script = (await bundleScript()).trim();
  // Inline, a script ends at the first "</script" and "<!--" changes how it is parsed: neither may occur.
  if (/<\/script|<!--/i.test(script)) throw new Error('the coachee copy script contains "</script" or "<!--"; it cannot be inlined');
  if (/<\/style/i.test(css)) throw new Error('the coachee copy stylesheet contains "</style"');
  const policy = [
    "default-src 'none'",
    `script-src ${hash(script)}`,
    `style-src ${hash(css)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  for (const slot of ['%CONTENT_SECURITY_POLICY%', '%STYLE%', '%SCRIPT%', ARMOR_SLOT]) {
    if (template.split(slot).length !== 2) throw new Error(`renderer/src/coachee-copy/index.html must hold ${slot} exactly once`);
  }
  // Function replacements: `$` in the script or style is text, not a replacement pattern.
  const html = template
    .replace('%CONTENT_SECURITY_POLICY%', () => policy)
    .replace('%STYLE%', () => css)
    .replace('%SCRIPT%', () => script);
  if (html.split(ARMOR_SLOT).length !== 2) throw new Error(`the coachee copy page must hold ${ARMOR_SLOT} exactly once`);
  return { html, css, policy };
}

/** The Vite plugin: `import { pageTemplate, recordCss, ARMOR_SLOT } from 'virtual:confidante-coachee-copy-page'`. */
export function coacheeCopyPage() {
  let built = null;
  return {
    name: 'confidante-coachee-copy-page',
    resolveId(id) {
      return id === COACHEE_COPY_PAGE_MODULE ? RESOLVED : null;
    },
    async load(id) {
      if (id !== RESOLVED) return null;
      for (const name of readdirSync(PAGE_DIR)) this.addWatchFile(join(PAGE_DIR, name));
      built ??= buildCoacheeCopyPage().catch((error) => {
        built = null;
        throw error;
      });
      const { html, css } = await built;
      return [
        `export const pageTemplate = ${JSON.stringify(html)};`,
        `export const recordCss = ${JSON.stringify(css)};`,
        `export const ARMOR_SLOT = ${JSON.stringify(ARMOR_SLOT)};`,
      ].join('\n');
    },
    watchChange(id) {
      if (id.startsWith(PAGE_DIR)) built = null;
    },
  };
}
