import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { unwrapKey, wrapKey } from '../../../electron/core/vault/key-file';
import { TEST_KDF } from '../../support/temp-vault';

describe('key wrapping', () => {
  it('unwraps into a Buffer of its own, not a slice of Node\'s shared pool', async () => {
    // Node hands out small Buffers as slices of one shared 8 KiB slab (Buffer.concat, Buffer.from),
    // which lives as long as any other slice of it; the data key gets memory of its own.
    const small = Buffer.concat([Buffer.from('ab'), Buffer.from('cd')]);
    expect(small.buffer.byteLength).toBeGreaterThan(small.length); // control: a pool slice looks like this

    const dataKey = randomBytes(32);
    const wrap = await wrapKey(dataKey, 'a passphrase for this test only', 'passphrase', TEST_KDF);
    const key = await unwrapKey(wrap, 'a passphrase for this test only', 'passphrase');
    expect(key?.equals(dataKey)).toBe(true);
    expect(key!.byteOffset).toBe(0);
    expect(key!.buffer.byteLength).toBe(32);
    key!.fill(0);
    expect(new Uint8Array(key!.buffer).every((byte) => byte === 0)).toBe(true);
  });

  it('gives null for a wrong secret, the other slot, or a tampered tag', async () => {
    const dataKey = randomBytes(32);
    const wrap = await wrapKey(dataKey, 'the right secret here', 'recovery', TEST_KDF);
    expect(await unwrapKey(wrap, 'the wrong secret here', 'recovery')).toBeNull();
    expect(await unwrapKey(wrap, 'the right secret here', 'passphrase')).toBeNull();
    const tag = Buffer.from(wrap.tag, 'base64');
    tag[0] = tag[0]! ^ 1;
    expect(await unwrapKey({ ...wrap, tag: tag.toString('base64') }, 'the right secret here', 'recovery')).toBeNull();
  });
});
