import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
// en.json is a 3-byte `{}` that Vite would inline as a `data:` URL. tldraw *fetches* it on start,
// and the CSP's `connect-src 'self'` refuses `data:` fetches: emit it as a real file instead.
import enTranslationUrl from '@tldraw/assets/translations/en.json?url&no-inline';
import type { TLUiAssetUrlOverrides } from 'tldraw';

const bundled = getAssetUrlsByImport();

/**
 * Every asset tldraw loads (fonts, the icon sprite, translations, embed icons), bundled by Vite and
 * served from the app's own origin. tldraw merges these over its defaults, which point at
 * cdn.tldraw.com; this object covers every key so nothing falls through to the CDN.
 * Defined once at module level, as tldraw asks (it must be referentially stable).
 */
export const MAP_ASSET_URLS: TLUiAssetUrlOverrides = {
  ...bundled,
  translations: { ...bundled.translations, en: enTranslationUrl },
};
