import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempPathFor, writeFileAtomic, writeFileAtomicAsync, writeFileAtomicWith } from '../../../electron/core/vault/atomic-write';
import { tempDir } from '../../support/temp-vault';
import { isWindows, modeOf, underUmask022 } from './modes';

const FIXED = 'planted-here';

describe.skipIf(isWindows)('atomic writes', () => {
  underUmask022();
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  /** A file outside the write's reach that a planted link points at. */
  function victim(): string {
    const path = join(dir, 'victim.txt');
    writeFileSync(path, 'precious, must not change');
    return path;
  }

  it('control: a plain write under this umask makes a 0644 file, and a plain open follows a planted link', () => {
    const plain = join(dir, 'plain.txt');
    writeFileSync(plain, 'x');
    expect(modeOf(plain)).toBe(0o644);

    const target = victim();
    const link = join(dir, 'link');
    symlinkSync(target, link);
    writeFileSync(link, 'overwritten through the link');
    expect(readFileSync(target, 'utf8')).toBe('overwritten through the link');
  });

  it('writes the whole content owner-only, replacing a 0644 file, and leaves no temp file', async () => {
    const file = join(dir, 'out.json');
    writeFileSync(file, 'old');
    expect(modeOf(file)).toBe(0o644);
    writeFileAtomic(file, '{"new":true}\n');
    expect(readFileSync(file, 'utf8')).toBe('{"new":true}\n');
    expect(modeOf(file)).toBe(0o600);

    const image = join(dir, 'map.png');
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 251));
    await writeFileAtomicAsync(image, bytes);
    expect(readFileSync(image).equals(bytes)).toBe(true);
    expect(modeOf(image)).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['map.png', 'out.json']);
  });

  it('the mode is exact whatever the umask, even one that takes the owner\'s own write bit', async () => {
    const previous = process.umask(0o277);
    try {
      writeFileAtomic(join(dir, 'a'), 'x');
      await writeFileAtomicAsync(join(dir, 'b'), 'x');
      writeFileAtomic(join(dir, 'c'), 'x', { mode: 0o640 });
    } finally {
      process.umask(previous);
    }
    expect([modeOf(join(dir, 'a')), modeOf(join(dir, 'b')), modeOf(join(dir, 'c'))]).toEqual([0o600, 0o600, 0o640]);
  });

  it('names each temp file beside its target with 128 random bits', () => {
    const names = new Set(Array.from({ length: 50 }, () => tempPathFor(join(dir, 'keys.json'))));
    expect(names.size).toBe(50);
    for (const name of names) expect(name).toMatch(new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\.keys\\.json\\.[0-9a-f]{32}\\.tmp$`));
  });

  it('the temp file is 0600 while it exists, before the rename', () => {
    const file = join(dir, 'keys.json');
    let seen: number | null = null;
    writeFileAtomic(file, 'secret-ish', {
      randomSuffix: () => FIXED,
      afterTempWrite: () => {
        seen = modeOf(tempPathFor(file, FIXED));
      },
    });
    expect(seen).toBe(0o600);
  });

  for (const [name, write] of [
    ['sync', (file: string) => Promise.resolve().then(() => writeFileAtomic(file, 'attacker wants this', { randomSuffix: () => FIXED }))],
    ['async', (file: string) => writeFileAtomicAsync(file, 'attacker wants this', { randomSuffix: () => FIXED })],
  ] as const) {
    it(`${name}: refuses a symlink planted at the exact temp name, never writing through it`, async () => {
      const target = victim();
      const file = join(dir, 'out.json');
      const planted = tempPathFor(file, FIXED);
      symlinkSync(target, planted);
      const error = await write(file).then(
        () => null,
        (caught: unknown) => caught as NodeJS.ErrnoException,
      );
      expect(error?.code).toBe('EEXIST');
      expect(error?.message).toContain(`Refusing to write ${file}`);
      expect(readFileSync(target, 'utf8')).toBe('precious, must not change');
      expect(modeOf(target)).toBe(0o644);
      expect(existsSync(file)).toBe(false);
      // The link is not ours to remove; it is left exactly as planted.
      expect(readlinkSync(planted)).toBe(target);
    });

    it(`${name}: refuses a dangling symlink too, creating nothing at its target`, async () => {
      const target = join(dir, 'would-be-created.txt');
      const file = join(dir, 'out.json');
      symlinkSync(target, tempPathFor(file, FIXED));
      await expect(write(file)).rejects.toMatchObject({ code: 'EEXIST' });
      expect(existsSync(target)).toBe(false);
    });
  }

  it('a failure while filling leaves the old file intact and no temp file', async () => {
    const file = join(dir, 'archive.age');
    writeFileSync(file, 'the previous archive');
    await expect(
      writeFileAtomicWith(file, async (handle) => {
        await handle.write(Buffer.alloc(100_000, 1), 0, 100_000, 0);
        throw new Error('disk went away');
      }),
    ).rejects.toThrow('disk went away');
    expect(readFileSync(file, 'utf8')).toBe('the previous archive');
    expect(readdirSync(dir)).toEqual(['archive.age']);
  });

  it('a failed rename removes the temp file (sync and async)', async () => {
    // A non-empty directory at the target: the content is complete, only the rename fails.
    const file = join(dir, 'occupied');
    mkdirSync(file);
    writeFileSync(join(file, 'inside'), 'x');
    expect(() => writeFileAtomic(file, 'content')).toThrow();
    await expect(writeFileAtomicAsync(file, 'content')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['occupied']);
  });

  it('a crash hook that throws before the rename leaves the old file and no temp file', () => {
    const file = join(dir, 'keys.json');
    writeFileSync(file, 'old keys');
    expect(() =>
      writeFileAtomic(file, 'new keys', {
        afterTempWrite: () => {
          throw new Error('simulated crash');
        },
      }),
    ).toThrow('simulated crash');
    expect(readFileSync(file, 'utf8')).toBe('old keys');
    expect(readdirSync(dir)).toEqual(['keys.json']);
  });

  it('a missing folder fails with its own error code, not a rewrapped one', async () => {
    const file = join(dir, 'no-such-folder', 'x.age');
    expect(() => writeFileAtomic(file, 'x')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    await expect(writeFileAtomicAsync(file, 'x')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
