/**
 * Timers that run inside the page, so what is measured is what the page did, not Playwright's
 * round trips. Installed with `context.addInitScript(PAGE_PROBES)` as plain JavaScript (the bench
 * code is compiled without the DOM library); Node talks to it through `BenchWindow` below.
 *
 * "Painted" means: the DOM condition became true, then the next animation frame ran (`frame`), then
 * a task queued from that frame ran (`paint`: after the frame's style, layout and paint work).
 */

/** Milliseconds from the trigger (click, keydown, input event) to each stage. */
export interface Stages {
  dom: number;
  frame: number;
  paint: number;
}

export interface ReadyCondition {
  selector: string;
  /** At least this many matches (default 1). */
  min?: number;
}

export interface ClickAndWait {
  /** What to click: the first element matching `click` whose text includes `text`. */
  click: string;
  text?: string;
  ready: ReadyCondition[];
  timeoutMs?: number;
}

export interface KeySample extends Stages {
  key: string;
}

/** Wall-clock instants (performance.timeOrigin + performance.now()), comparable across pages. */
export interface SourceInstants {
  down: number;
  move: number;
  /** The first map diff this page POSTed to the bridge after the button went down. */
  sent: number;
}

export interface TargetInstants {
  id: string;
  /** When the last map-diff event reached this page (its event stream) before the shape appeared. */
  received: number;
  dom: number;
  frame: number;
}

export interface BenchProbes {
  clickAndWait(options: ClickAndWait): Promise<Stages>;
  waitPainted(ready: ReadyCondition[], timeoutMs?: number): Promise<number>;
  count(selector: string): number;
  keysStart(rootSelector: string): void;
  keysStop(): { samples: KeySample[]; unmatched: number };
  caretAtEnd(rootSelector: string): boolean;
  clockOffset(): number;
  armSource(): void;
  sourceInstants(): SourceInstants;
  watchShapes(scopeSelector: string): void;
  nextShape(timeoutMs: number): Promise<TargetInstants>;
  shapeSeen(id: string): number;
  /** Forget shapes that appeared and were not asked for with nextShape. */
  drainShapes(): void;
  /** Start recording animation frames (their vsync timestamps). */
  framesStart(): void;
  /** Stop, and return the intervals between consecutive frames, in ms. */
  framesStop(): number[];
}

/** `page.evaluate(() => (window as unknown as BenchWindow).__bench.…)` */
export interface BenchWindow {
  __bench: BenchProbes;
}

export const PAGE_PROBES = String.raw`
(() => {
  if (window.__bench) return;
  const now = () => performance.now();
  const epoch = () => performance.timeOrigin + performance.now();

  const satisfied = (ready) => ready.every((c) => document.querySelectorAll(c.selector).length >= (c.min ?? 1));

  // Resolves with { dom, frame, paint } (performance.now() instants) once the condition holds and
  // the frame showing it has been produced. Checked on every DOM mutation and every frame.
  function painted(ready, timeoutMs) {
    return new Promise((resolve, reject) => {
      let done = false;
      let raf = 0;
      const observer = new MutationObserver(() => {
        if (!done && satisfied(ready)) finish(now(), false);
      });
      const timer = setTimeout(() => {
        if (done) return;
        done = true;
        observer.disconnect();
        cancelAnimationFrame(raf);
        reject(new Error('timed out waiting for ' + JSON.stringify(ready)));
      }, timeoutMs ?? 30000);
      function finish(dom, inFrame) {
        done = true;
        observer.disconnect();
        cancelAnimationFrame(raf);
        clearTimeout(timer);
        const afterFrame = (frame) => setTimeout(() => resolve({ dom, frame, paint: now() }), 0);
        if (inFrame) afterFrame(dom);
        else requestAnimationFrame(() => afterFrame(now()));
      }
      const tick = () => {
        if (done) return;
        if (satisfied(ready)) finish(now(), true);
        else raf = requestAnimationFrame(tick);
      };
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['hidden', 'aria-busy', 'contenteditable'] });
      if (satisfied(ready)) finish(now(), false);
      else raf = requestAnimationFrame(tick);
    });
  }

  let keys = null;
  let source = null;
  let target = null;
  let frames = null;

  // The shared-screen bridge, watched from the outside: map diffs going out (fetch POSTs) and coming
  // in (the event stream: a fetch whose body the page reads as it arrives). Wrapping adds a function
  // call per request and a pass-through per stream chunk, nothing more.
  let lastDiffIn = 0;
  const realFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    if (source && !source.state.sent && typeof init?.body === 'string' && /"method":"(shareMapDiff|coacheeMapDiff)"/.test(init.body)) {
      source.state.sent = epoch();
    }
    const response = await realFetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!response.body || !/^\/api\/(coach|coachee)\/events$/.test(new URL(url, location.href).pathname)) return response;
    const decoder = new TextDecoder();
    const watch = new TransformStream({
      transform(chunk, controller) {
        if (decoder.decode(chunk, { stream: true }).includes('map-diff')) lastDiffIn = epoch();
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(watch), { status: response.status, statusText: response.statusText, headers: response.headers });
  };

  window.__bench = {
    async clickAndWait({ click, text, ready, timeoutMs }) {
      const element = [...document.querySelectorAll(click)].find((el) => !text || (el.textContent ?? '').includes(text));
      if (!element) throw new Error('nothing to click: ' + click + (text ? ' with ' + text : ''));
      const t0 = now();
      element.click();
      const at = await painted(ready, timeoutMs);
      return { dom: at.dom - t0, frame: at.frame - t0, paint: at.paint - t0 };
    },

    async waitPainted(ready, timeoutMs) {
      const t0 = now();
      const at = await painted(ready, timeoutMs);
      return at.paint - t0;
    },

    count(selector) {
      return document.querySelectorAll(selector).length;
    },

    // Keystroke latency: keydown → the editor's DOM changes → next frame → after that frame.
    keysStart(rootSelector) {
      const root = document.querySelector(rootSelector);
      if (!root) throw new Error('no ' + rootSelector);
      const pending = [];
      const samples = [];
      const onKey = (event) => {
        if (event.key.length === 1) pending.push({ key: event.key, t0: now(), dom: 0 });
      };
      const observer = new MutationObserver(() => {
        const t = now();
        const batch = pending.filter((p) => p.dom === 0);
        if (batch.length === 0) return;
        for (const p of batch) p.dom = t;
        requestAnimationFrame(() => {
          const frame = now();
          setTimeout(() => {
            const paint = now();
            for (const p of batch) {
              samples.push({ key: p.key, dom: p.dom - p.t0, frame: frame - p.t0, paint: paint - p.t0 });
              pending.splice(pending.indexOf(p), 1);
            }
          }, 0);
        });
      });
      window.addEventListener('keydown', onKey, true);
      observer.observe(root, { subtree: true, childList: true, characterData: true });
      keys = { samples, pending, stop: () => { window.removeEventListener('keydown', onKey, true); observer.disconnect(); } };
    },

    keysStop() {
      if (!keys) return { samples: [], unmatched: 0 };
      keys.stop();
      const out = { samples: keys.samples, unmatched: keys.pending.length };
      keys = null;
      return out;
    },

    // True when the caret is collapsed at the very end of the editor's text.
    caretAtEnd(rootSelector) {
      const root = document.querySelector(rootSelector);
      const selection = window.getSelection();
      if (!root || !selection || selection.rangeCount === 0 || !selection.isCollapsed) return false;
      const range = document.createRange();
      range.selectNodeContents(root);
      range.setStart(selection.anchorNode, selection.anchorOffset);
      return range.toString().length === 0;
    },

    // This page's high-resolution wall clock minus Date.now(), averaged over 40 ms: comparing it
    // between two pages gives their clock skew to well under a millisecond.
    clockOffset() {
      const end = now() + 40;
      let sum = 0;
      let n = 0;
      while (now() < end) {
        sum += epoch() - Date.now();
        n += 1;
      }
      return sum / n;
    },

    // The drawing side: when the button went down, and the first drag move (the one that makes tldraw create the shape).
    armSource() {
      if (source) source.stop();
      const state = { down: 0, move: 0, sent: 0 };
      const onDown = () => { state.down = epoch(); };
      const onMove = (event) => {
        if (state.down && !state.move && (event.buttons & 1)) state.move = epoch();
      };
      window.addEventListener('pointerdown', onDown, true);
      window.addEventListener('pointermove', onMove, true);
      source = { state, stop: () => { window.removeEventListener('pointerdown', onDown, true); window.removeEventListener('pointermove', onMove, true); } };
    },

    sourceInstants() {
      if (!source) return { down: 0, move: 0, sent: 0 };
      source.stop();
      const out = { ...source.state };
      source = null;
      return out;
    },

    // The receiving side: every .tl-shape that appears, with when it entered the DOM and the frame that showed it.
    watchShapes(scopeSelector) {
      const scope = document.querySelector(scopeSelector) ?? document;
      const seen = new Map();
      for (const el of scope.querySelectorAll('.tl-shape[data-shape-id]')) seen.set(el.getAttribute('data-shape-id'), null);
      const fresh = [];
      const waiters = [];
      const observer = new MutationObserver((records) => {
        const dom = epoch();
        const added = [];
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (node.nodeType !== 1) continue;
            const shapes = node.matches('.tl-shape[data-shape-id]') ? [node] : [...node.querySelectorAll('.tl-shape[data-shape-id]')];
            for (const el of shapes) {
              const id = el.getAttribute('data-shape-id');
              if (seen.has(id)) continue;
              const entry = { id, received: lastDiffIn, dom, frame: 0 };
              seen.set(id, entry);
              added.push(entry);
            }
          }
        }
        if (added.length === 0) return;
        requestAnimationFrame(() => {
          const frame = epoch();
          for (const entry of added) {
            entry.frame = frame;
            const waiter = waiters.shift();
            if (waiter) waiter(entry);
            else fresh.push(entry);
          }
        });
      });
      observer.observe(scope, { subtree: true, childList: true });
      target = { fresh, waiters, seen, observer };
    },

    nextShape(timeoutMs) {
      if (!target) return Promise.reject(new Error('watchShapes first'));
      const ready = target.fresh.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const waiter = (entry) => { clearTimeout(timer); resolve(entry); };
        const timer = setTimeout(() => {
          const i = target.waiters.indexOf(waiter);
          if (i >= 0) target.waiters.splice(i, 1);
          reject(new Error('no new shape within ' + timeoutMs + ' ms'));
        }, timeoutMs);
        target.waiters.push(waiter);
      });
    },

    // When a shape id first entered this page's DOM (0 if never): the drawing side's own view of its shape.
    shapeSeen(id) {
      const entry = target?.seen.get(id);
      return entry ? entry.dom : 0;
    },

    drainShapes() {
      if (target) target.fresh.length = 0;
    },

    // Frame pacing: the timestamp requestAnimationFrame hands its callback is the frame's start
    // (vsync-aligned), so consecutive ones differ by one refresh interval unless frames were dropped.
    framesStart() {
      const stamps = [];
      const tick = (timestamp) => {
        if (!frames || frames.stamps !== stamps) return;
        stamps.push(timestamp);
        requestAnimationFrame(tick);
      };
      frames = { stamps };
      requestAnimationFrame(tick);
    },

    framesStop() {
      if (!frames) return [];
      const stamps = frames.stamps;
      frames = null;
      return stamps.slice(1).map((t, i) => t - stamps[i]);
    },
  };
})();
`;
