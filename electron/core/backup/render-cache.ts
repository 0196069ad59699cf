import type { SessionNote } from '@shared/domain/note';
import { renderNote, type RenderedNote } from '../archive/render/note-files';

/**
 * The readable renders (Markdown, HTML) of notes, kept from one backup to the next. Rendering a
 * note through Lexical's converters is most of a large vault's backup; between two backups only
 * the notes of the sessions just worked on change, so the rest are taken from here. A render is
 * reused only for exactly the note it was made from. Decrypted content: it lives in memory only
 * while the vault is open, and is dropped when it locks.
 */
export class NoteRenderCache {
  private readonly renders = new Map<string, { lexicalJson: string; plainText: string; rendered: RenderedNote }>();
  hits = 0;
  misses = 0;

  readonly render = (note: SessionNote): RenderedNote => {
    const held = this.renders.get(note.sessionId);
    if (held && held.lexicalJson === note.lexicalJson && held.plainText === note.plainText) {
      this.hits += 1;
      return held.rendered;
    }
    const rendered = renderNote(note);
    this.renders.set(note.sessionId, { lexicalJson: note.lexicalJson, plainText: note.plainText, rendered });
    this.misses += 1;
    return rendered;
  };

  get size(): number {
    return this.renders.size;
  }

  clear(): void {
    this.renders.clear();
    this.hits = 0;
    this.misses = 0;
  }
}
