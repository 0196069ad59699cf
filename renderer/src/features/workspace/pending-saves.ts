/**
 * Everything that may hold unsaved work registers a flusher here. Before the vault locks or the
 * window closes, `flushAll` runs them all and waits for their saves, so nothing on screen is lost.
 */
type Flusher = () => Promise<unknown> | unknown;

const flushers = new Set<Flusher>();

export function registerFlusher(flusher: Flusher): () => void {
  flushers.add(flusher);
  return () => {
    flushers.delete(flusher);
  };
}

export async function flushAll(): Promise<void> {
  await Promise.allSettled([...flushers].map((flush) => flush()));
}
