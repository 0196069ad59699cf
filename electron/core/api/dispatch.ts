import { AppError, type Envelope } from '@shared/errors';
import { coachCalls, coacheeCalls } from '@shared/ipc/api';
import type { CallSpec, CallTable, HandlersOf, ParsedInputOf } from '@shared/ipc/define';
import { checkMapDiff } from '../share/map-records';
import { diskFullError, isDiskFull } from '../write-faults';
import { messageShapeProblem } from './message-shape';

type CoreCheck = (input: never) => void;
const coreCheck = <S extends CallSpec>(spec: S, check: (input: ParsedInputOf<S>) => void): [CallSpec, CoreCheck] => [spec, check as CoreCheck];

/**
 * What a call's schema in shared/ cannot say, because it takes a library only core may load. The
 * map diffs of both windows carry tldraw records, which tldraw's own validators check here
 * (shared/ must not load tldraw: both preloads import the call tables). Keyed by the call's spec
 * object, so a same-named call of another table is not affected.
 */
const CORE_CHECKS = new Map<CallSpec, CoreCheck>([
  coreCheck(coachCalls.shareMapDiff, ({ diff }) => checkMapDiff(diff)),
  coreCheck(coacheeCalls.coacheeMapDiff, ({ diff }) => checkMapDiff(diff)),
]);

const invalid = (message: string): Envelope<unknown> => ({ ok: false, error: { code: 'invalid-input', message } });

/**
 * The one gate every message from a window passes, in Electron IPC and in the preview:web bridge
 * alike: the method must be one of the table's own, the message must be plain data
 * (message-shape.ts), the input must match the call's schema and any check core adds to it, and
 * any failure comes back as a typed envelope. Unexpected errors are reported without their internals.
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
  const problem = messageShapeProblem(input);
  if (problem) return invalid(`The request was not well formed: ${problem}.`);
  const parsed = spec.input.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
    return invalid(`The request was not well formed${where}: ${issue?.message ?? 'invalid'}.`);
  }
  try {
    (CORE_CHECKS.get(spec) as ((input: unknown) => void) | undefined)?.(parsed.data);
    const handler = handlers[method as keyof T] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value: value === undefined ? null : value };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toPayload() };
    // A full disk is no bug: SQLite or the file system refused the write, and the coach can act on it.
    if (isDiskFull(error)) return { ok: false, error: diskFullError().toPayload() };
    onUnexpected(error);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Confidante. Try again, and restart the app if it keeps happening.' } };
  }
}
