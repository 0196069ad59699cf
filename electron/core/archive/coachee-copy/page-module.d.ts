/** The coachee copy's web page, built by scripts/coachee-copy-page.mjs (a Vite plugin) at build time. */
declare module 'virtual:confidante-coachee-copy-page' {
  /** The whole page: CSP meta, inline style and script, and ARMOR_SLOT where the armored age file goes. */
  export const pageTemplate: string;
  /** The page's stylesheet (renderer/src/coachee-copy/copy.css), which the record and notes in the zip use too. */
  export const recordCss: string;
  export const ARMOR_SLOT: string;
}
