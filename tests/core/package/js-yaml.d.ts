// js-yaml 4 (installed with electron-builder's tooling) ships no types; this is the one call we use.
declare module 'js-yaml' {
  export function load(text: string): unknown;
}
