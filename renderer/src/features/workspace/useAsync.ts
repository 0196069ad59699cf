import { useCallback, useEffect, useState } from 'react';
import { sentenceFor } from '../vault/errors';

export type AsyncState<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: T };

/** Load something from the API when `key` changes; `reload` fetches again. */
export function useAsync<T>(load: () => Promise<T>, key: string): [AsyncState<T>, () => void] {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ status: 'ready', value }),
      (error: unknown) => live && setState({ status: 'error', message: sentenceFor(error) }),
    );
    return () => {
      live = false;
    };
    // `load` is recreated every render; `key` and `generation` say when to fetch again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation]);
  return [state, reload];
}
