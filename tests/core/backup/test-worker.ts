/**
 * The backup worker as the tests run it when they need to reach inside its thread: the real worker
 * (electron/core/backup/worker.ts), with two things a test controls through files in the folder
 * named by CONFIDANTE_TEST_WORKER_CONTROL (a worker thread copies the environment when it starts;
 * files are read at each use, so a test changes them between steps without messages to race):
 *
 * - faults.json `{ under, mode, afterBytes, generation }`: file handles opened under `under` fail
 *   with ENOSPC once `afterBytes` went through them, or flip one byte of the first large write
 *   (a drive that damages what it writes). vi.mock cannot reach another thread; this patches
 *   node:fs/promises in the worker the same way faults.test.ts does on the test's own thread.
 * - hold-reading: while this file exists (and no stop was asked for), the worker stops (blocks its thread) right after telling
 *   the service that it is part-way through reading the vault, so a test can write to the vault
 *   at a moment it knows the snapshot is open, with no timing involved.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { parentPort, workerData, type TransferListItem } from 'node:worker_threads';
import { CONTROL, type FromWorker, type WorkerStart } from '../../../electron/core/backup/worker-protocol';

const controlDir = process.env.CONFIDANTE_TEST_WORKER_CONTROL ?? null;

interface Faults {
  under: string | null;
  mode: 'off' | 'enospc' | 'flip';
  afterBytes: number;
  generation: number;
}

const state = { generation: -1, written: 0, flipped: 0 };

function faults(): Faults {
  const off: Faults = { under: null, mode: 'off', afterBytes: 0, generation: 0 };
  if (!controlDir) return off;
  try {
    const read = JSON.parse(readFileSync(join(controlDir, 'faults.json'), 'utf8')) as Faults;
    // A new arming starts its counts again.
    if (read.generation !== state.generation) Object.assign(state, { generation: read.generation, written: 0, flipped: 0 });
    return read;
  } catch {
    return off;
  }
}

const noSpace = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });

function faulty(handle: FileHandle): FileHandle {
  return new Proxy(handle, {
    get(target, property, receiver) {
      if (property === 'write') {
        return async (buffer: Uint8Array, offset = 0, length = buffer.length - offset, position?: number | null) => {
          const armed = faults();
          if (armed.mode === 'enospc' && state.written + length > armed.afterBytes) throw noSpace();
          state.written += length;
          if (armed.mode === 'flip' && length > 4096 && state.flipped === 0) {
            const copy = Buffer.from(buffer.subarray(offset, offset + length));
            copy[copy.length >> 1]! ^= 0x01;
            state.flipped += 1;
            return target.write(copy, 0, copy.length, position);
          }
          return target.write(buffer, offset, length, position);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const actualOpen = fsPromises.open;
const patchedOpen: typeof fsPromises.open = async (...args: Parameters<typeof fsPromises.open>) => {
  const handle = await actualOpen(...args);
  const { under } = faults();
  return under !== null && String(args[0]).startsWith(under) ? faulty(handle) : handle;
};
// The CommonJS object is the one to patch; syncBuiltinESMExports carries it to every ES import of node:fs/promises.
(fsPromises as unknown as { default: { open: typeof fsPromises.open } }).default.open = patchedOpen;
syncBuiltinESMExports();

if (parentPort && controlDir) {
  const port = parentPort;
  const post = port.postMessage.bind(port);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const control = new Int32Array((workerData as WorkerStart).control);
  port.postMessage = (message: FromWorker, transfer?: readonly TransferListItem[]) => {
    post(message, transfer as never);
    if (message.type === 'progress' && message.phase === 'reading' && message.done < message.total) {
      // Held until the test lets go, or the service stops the backup (a lock, a cancel).
      while (existsSync(join(controlDir, 'hold-reading')) && Atomics.load(control, CONTROL.cancel) === 0) Atomics.wait(pause, 0, 0, 5);
    }
  };
}

await import('../../../electron/core/backup/worker');
