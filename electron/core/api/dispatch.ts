import { AppError, type Envelope } from '@shared/errors';
import type { CallTable, HandlersOf } from '@shared/ipc/define';

/**
 * The one gate every message from a window passes, in Electron IPC and in the preview:web bridge
 * alike: the method must be one of the table's own, the input must match its schema, and any
 * failure comes back as a typed envelope. Unexpected errors are reported without their internals.
 */
export async function dispatch<T extends CallTable>(
  table: T,
  handlers: HandlersOf<T>,
  method: unknown,
  input: unknown,
  onUnexpected: (error: unknown) => void = () => {},
): Promise<Envelope<unknown>> {
  if (typeof method !== 'string' || !Object.hasOwn(table, method)) {
    return { ok: false, error: { code: 'unknown-method', message: 'That request is not part of the API.' } };
  }
  const spec = table[method]!;
  const parsed = spec.input.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
    return { ok: false, error: { code: 'invalid-input', message: `The request was not well formed${where}: ${issue?.message ?? 'invalid'}.` } };
  }
  try {
    const handler = handlers[method as keyof T] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value: value === undefined ? null : value };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toPayload() };
    onUnexpected(error);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Confidante. Try again, and restart the app if it keeps happening.' } };
  }
}
