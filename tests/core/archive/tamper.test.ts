import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import type { AppCore } from '../../../electron/core/app-core';
import { snapshotDir, tempDir } from '../../support/temp-vault';
import { entriesOf, sealEntries } from './craft';
import { ARCHIVE_PASSPHRASE, archiveHandlers, dumpVault, failure, openCore, seedVault, settleVault } from './fixtures';

const FLIPS = 500;

/** Positions to flip: every header byte and the payload nonce, then evenly spread over the ciphertext, ends included. */
function samplePositions(length: number, headerEnd: number, count: number): number[] {
  const positions = new Set<number>();
  for (let i = 0; i < Math.min(headerEnd + 16, length); i++) positions.add(i);
  const remaining = count - positions.size;
  for (let k = 0; k < remaining; k++) positions.add(headerEnd + 16 + Math.floor(((length - headerEnd - 17) * k) / (remaining - 1)));
  positions.add(length - 1);
  return [...positions].slice(0, count);
}

describe('a flipped byte anywhere', () => {
  let dir: string;
  let cleanup: () => void;
  let core: AppCore;

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('confidante-tamper-'));
    core = await openCore(join(dir, 'vault'));
    seedVault(core);
  });
  afterAll(() => {
    core.close();
    cleanup();
  });

  it(`${FLIPS} sampled flips over header and payload: ${FLIPS} refusals, each one sentence, vault unchanged`, async () => {
    // Work factor capped so a flip that raises logN (10 → 20) is refused unread, not computed.
    const handlers = archiveHandlers(core, null, { maxScryptLogN: 12 });
    const archive = await sealEntries(entriesOf(core));
    const headerEnd = archive.indexOf('\n---') + 49;
    const positions = samplePositions(archive.length, headerEnd, FLIPS);
    expect(positions).toHaveLength(FLIPS);
    settleVault(core);
    const before = { files: snapshotDir(join(dir, 'vault')), rows: dumpVault(core) };

    const codes = new Map<string, number>();
    for (const [n, position] of positions.entries()) {
      const copy = Buffer.from(archive);
      // Vary which bits flip: one low bit, one high bit, or the whole byte.
      copy[position]! ^= [0x01, 0x80, 0xff, 0x20][n % 4]!;
      const error = await failure(() => handlers.archivePreview({ base64: copy.toString('base64'), passphrase: ARCHIVE_PASSPHRASE }));
      expect(error, `flip at ${position}`).toBeInstanceOf(AppError);
      const { code, message } = error as AppError;
      expect(['damaged', 'wrong-passphrase', 'invalid-input'], `flip at ${position}: ${code} ${message}`).toContain(code);
      expect(message).toMatch(/^[^\n]+\.$/);
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    expect([...codes.values()].reduce((a, b) => a + b, 0)).toBe(FLIPS);
    // Most flips land in the payload, where the chunk tags catch them.
    expect(codes.get('damaged')).toBeGreaterThan(FLIPS / 2);

    expect(snapshotDir(join(dir, 'vault'))).toEqual(before.files);
    expect(dumpVault(core)).toEqual(before.rows);
  });
});
