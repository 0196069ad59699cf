import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './electron/core/content-security-policy';
import { coacheeCopyPage } from './scripts/coachee-copy-page.mjs';

const alias = { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) };

/**
 * The CSP lives in one place (electron/core/content-security-policy.ts): both shells send it as a
 * header, and the HTML pages carry it as a meta tag too, minus what a meta tag cannot say.
 */
function contentSecurityPolicyMeta(): Plugin {
  const directives = CONTENT_SECURITY_POLICY.split('; ').filter((directive) => !directive.startsWith('frame-ancestors'));
  // `electron-vite dev` only: React Fast Refresh injects an inline module script and HMR talks over
  // a WebSocket. Builds never get these.
  const devDirectives = directives.map((directive) =>
    directive.startsWith('script-src') ? `${directive} 'unsafe-inline'` : directive.startsWith('connect-src') ? `${directive} ws:` : directive,
  );
  return {
    name: 'confidante-csp-meta',
    transformIndexHtml: (html, context) =>
      html.replace('%CONTENT_SECURITY_POLICY%', (context.server ? devDirectives : directives).join('; ')),
  };
}

export default defineConfig({
  main: {
    resolve: { alias },
    // The coachee copy's web page, bundled into one HTML string the core fills at export time.
    plugins: [coacheeCopyPage()],
    build: {
      outDir: 'out/main',
      // The Electron shell only: out/main is packed into the app, so nothing that does not run there
      // may be built into it. The developer tools (preview:web, vault:key) are bundled for plain Node
      // into out/tools/ by scripts/build-tools.mjs, which electron-builder never packs.
      rollupOptions: { input: { index: 'electron/main/index.ts' } },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads cannot load modules: one self-contained CommonJS file each.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: 'electron/preload/index.ts', coachee: 'electron/preload/coachee.ts' },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    resolve: { alias },
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: {
        input: {
          index: fileURLToPath(new URL('./renderer/index.html', import.meta.url)),
          coachee: fileURLToPath(new URL('./renderer/coachee.html', import.meta.url)),
        },
      },
    },
  },
});
