import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GOOD_PASSPHRASE } from '../../support/temp-vault';
import { call, startServer, type Running } from './support';

const modeOf = (path: string): number => statSync(path).mode & 0o777;
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><text>kestrel steering group</text></svg>';

async function saveFile(running: Running, suggestedName: string, content: string) {
  return call(running, 'fileSave', { suggestedName, base64: Buffer.from(content).toString('base64'), kind: 'svg' });
}

/**
 * A browser has no save dialog, so preview:web writes every export into one folder. An exported
 * map is the coach's content in the clear: the folder is private to this run and this user.
 */
describe('preview:web exports', () => {
  let running: Running | null = null;
  afterEach(async () => {
    await running?.close();
    running = null;
  });

  async function started(options: Parameters<typeof startServer>[0] = {}): Promise<Running> {
    running = await startServer(options);
    expect((await call(running, 'vaultCreate', { passphrase: GOOD_PASSPHRASE, confirm: GOOD_PASSPHRASE })).body.ok).toBe(true);
    return running;
  }

  it('land in a fresh 0700 folder under the temp folder, as 0600 files, and the folder goes on close', async () => {
    const { server, dataDir } = await started();
    const folder = server.exportDir;
    expect(dirname(folder)).toBe(tmpdir());
    expect(modeOf(folder)).toBe(0o700);
    expect(readdirSync(folder)).toEqual([]);

    const answer = await saveFile(running!, 'system-map.svg', SVG);
    expect(answer.body).toEqual({ ok: true, value: { saved: true, path: join(folder, 'system-map.svg') } });
    expect(readFileSync(join(folder, 'system-map.svg'), 'utf8')).toBe(SVG);
    expect(modeOf(join(folder, 'system-map.svg'))).toBe(0o600);
    // Saved again: replaced whole, still private, and no temp file left beside it.
    await saveFile(running!, 'system-map.svg', `${SVG}\n`);
    expect(readFileSync(join(folder, 'system-map.svg'), 'utf8')).toBe(`${SVG}\n`);
    expect(modeOf(join(folder, 'system-map.svg'))).toBe(0o600);
    expect(readdirSync(folder)).toEqual(['system-map.svg']);
    // Nothing beside the data folder, where exports used to outlive the run.
    expect(existsSync(`${dataDir}-exports`)).toBe(false);

    await running!.close();
    running = null;
    expect(existsSync(folder)).toBe(false);
  });

  it('each run gets a folder of its own', async () => {
    const first = await started();
    const other = await startServer();
    try {
      expect(other.server.exportDir).not.toBe(first.server.exportDir);
    } finally {
      await other.close();
    }
  });

  it('keep to the folder: a name is its last segment, and "." or ".." is refused', async () => {
    const { server } = await started();
    const answer = await saveFile(running!, '..', SVG);
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(readdirSync(server.exportDir)).toEqual([]);
  });

  it('go to a folder the caller gives, made private, and left in place on close', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'confidante-preview-given-'));
    try {
      const given = join(parent, 'exports');
      const { server } = await started({ exportDir: given });
      expect(server.exportDir).toBe(given);
      expect(modeOf(given)).toBe(0o700);
      await saveFile(running!, 'system-map.svg', SVG);
      expect(modeOf(join(given, 'system-map.svg'))).toBe(0o600);
      await running!.close();
      running = null;
      expect(readdirSync(given)).toEqual(['system-map.svg']);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
