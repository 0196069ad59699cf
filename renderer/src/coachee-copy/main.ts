import { COACHEE_RECORD_FILE } from '@shared/domain/archive';
import { CopyNotOpened, openCopy } from './open-copy';

/**
 * The coachee copy's page: the passphrase form, scrypt's progress, then the record. Everything it
 * needs is inside the one HTML file; its Content-Security-Policy lets it load nothing (only the
 * pictures, the maps' and the journey's, as data: URLs made here from the decrypted files).
 */

const SENTENCES = {
  'wrong-passphrase': 'That passphrase does not open this record; check it with your coach and try again.',
  damaged: 'This file is damaged and cannot be opened; ask your coach for a new copy.',
} as const;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
}

/** Bytes as base64, in slices (String.fromCharCode takes only so many arguments). */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

/**
 * The record's <main>, from record.html in the zip, ready to go into this page. Its pictures point
 * at files beside it in the zip: each becomes a data: URL of that SVG (an <img> shows an SVG
 * inert: nothing in it runs or loads). A picture the zip does not hold is dropped.
 */
function recordFrom(files: Map<string, Uint8Array>): HTMLElement {
  const markup = new TextDecoder().decode(files.get(COACHEE_RECORD_FILE));
  // DOMParser never runs scripts; nothing parsed here is trusted to, and the CSP allows none anyway.
  const parsed = new DOMParser().parseFromString(markup, 'text/html');
  const main = parsed.querySelector('main');
  if (!main) throw new CopyNotOpened('damaged');
  for (const image of main.querySelectorAll('img')) {
    const path = image.getAttribute('src') ?? '';
    const svg = path.endsWith('.svg') ? files.get(path) : undefined;
    if (svg) image.setAttribute('src', `data:image/svg+xml;base64,${base64(svg)}`);
    else (image.closest('figure') ?? image).remove();
  }
  return document.importNode(main, true);
}

/**
 * Each journey picture's table, folded on screen behind a "Show as a table" button (the picture and
 * its description come first). Paper shows every table whatever the button says (copy.css), and
 * record.html opened on its own, with no script, shows them all.
 */
function foldTables(record: HTMLElement): void {
  for (const data of record.querySelectorAll<HTMLElement>('.chart-data')) {
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'chart-toggle';
    toggle.setAttribute('aria-controls', data.id);
    let open = false;
    const show = () => {
      data.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      toggle.textContent = open ? 'Hide the table' : 'Show as a table';
    };
    toggle.addEventListener('click', () => {
      open = !open;
      show();
    });
    show();
    data.before(toggle);
  }
}

function toolbar(): HTMLElement {
  const bar = document.createElement('div');
  bar.className = 'toolbar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'Record');
  const print = document.createElement('button');
  print.type = 'button';
  print.textContent = 'Print or save as PDF';
  print.addEventListener('click', () => window.print());
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'quiet';
  close.textContent = 'Close';
  // Reloading forgets the opened record: what is left is the page as it came, locked.
  close.addEventListener('click', () => window.location.reload());
  bar.append(close, print);
  return bar;
}

/** Resolves once every picture is decoded and the next frame is painted. */
async function painted(root: HTMLElement): Promise<void> {
  await Promise.all([...root.querySelectorAll('img')].map((image) => image.decode().catch(() => undefined)));
  await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

function start(): void {
  const form = element<HTMLFormElement>('open');
  const input = element<HTMLInputElement>('passphrase');
  const button = element<HTMLButtonElement>('open-button');
  const progress = element<HTMLElement>('progress');
  const bar = element<HTMLProgressElement>('progress-bar');
  const progressText = element<HTMLElement>('progress-text');
  const message = element<HTMLElement>('message');
  const armored = element<HTMLElement>('age-armor').textContent ?? '';

  let shown = 0;
  let frame = 0;
  const onProgress = (fraction: number) => {
    shown = fraction;
    // scrypt reports thousands of times a second: draw at most once a frame.
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      bar.value = Math.round(shown * 95);
    });
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (button.disabled) return;
    performance.clearMarks();
    performance.mark('confidante-copy:passphrase-entered');
    const passphrase = input.value;
    button.disabled = true;
    input.disabled = true;
    message.textContent = '';
    bar.value = 0;
    progressText.textContent = 'Checking the passphrase…';
    progress.hidden = false;
    document.documentElement.dataset.state = 'opening';

    void openCopy(armored, passphrase, onProgress)
      .then(async (files) => {
        performance.mark('confidante-copy:decrypted');
        progressText.textContent = 'Opening the record…';
        const record = recordFrom(files);
        foldTables(record);
        const lock = element<HTMLElement>('lock');
        lock.replaceWith(toolbar(), record);
        document.title = 'Coaching record — Confidante';
        await painted(record);
        document.documentElement.dataset.state = 'open';
        performance.mark('confidante-copy:painted');
        record.querySelector<HTMLElement>('h1')?.focus();
      })
      .catch((error: unknown) => {
        progress.hidden = true;
        button.disabled = false;
        input.disabled = false;
        input.select();
        message.textContent = SENTENCES[error instanceof CopyNotOpened ? error.reason : 'damaged'];
        document.documentElement.dataset.state = 'refused';
      });
  });
}

start();
