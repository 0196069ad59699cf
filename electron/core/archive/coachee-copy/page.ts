import { ARMOR_SLOT, pageTemplate, recordCss } from 'virtual:confidante-coachee-copy-page';

export { recordCss };

/** Nothing but age's armor: its BEGIN and END lines and base64. Anything else has no place in the page. */
const ARMOR = /^-----BEGIN AGE ENCRYPTED FILE-----\n(?:[A-Za-z0-9+/=]{1,64}\n)+-----END AGE ENCRYPTED FILE-----\n?$/;

/**
 * The coachee copy as one HTML file: the page built with the app (a small decryptor, its style,
 * and a CSP allowing only those) with the armored age file in it. The armor is the only thing
 * that differs from one copy to the next; nothing readable about the coaching is outside it.
 */
export function coacheeCopyPage(armored: string): string {
  if (!ARMOR.test(armored)) throw new Error('not an ASCII-armored age file');
  return pageTemplate.replace(ARMOR_SLOT, () => armored.trimEnd());
}
