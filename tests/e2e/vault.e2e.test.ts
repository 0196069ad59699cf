import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, targets, type RunningApp } from './support/targets';
import { E2E_PASSPHRASE, createVault, lock, unlock } from './support/vault-steps';

for (const target of targets()) {
  describe.skipIf(target.skip !== null)(`vault in ${target.name}`, () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await target.launch();
    });
    afterAll(async () => {
      await app?.close();
    });

    it('create vault → lock → wrong passphrase → unlock → home', async () => {
      const { page } = app;
      await page.getByRole('heading', { name: 'Create your vault' }).waitFor();

      // A weak passphrase cannot be submitted and says why.
      await page.getByLabel('Passphrase', { exact: true }).fill('password1');
      await expect.poll(() => page.getByText('Too weak.').isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Create vault' }).isDisabled()).toBe(true);

      await createVault(page);
      await page.getByRole('heading', { name: 'Your vault is open' }).waitFor();

      await lock(page);
      expect(await page.locator('body').innerText()).not.toContain('Your vault is open');

      await page.getByLabel('Passphrase', { exact: true }).fill('not my passphrase at all');
      await page.getByRole('button', { name: 'Unlock', exact: true }).click();
      await page.getByRole('alert').getByText('That passphrase does not open this vault.').waitFor();
      expect(await page.getByRole('button', { name: 'Lock', exact: true }).count()).toBe(0);

      await unlock(page, E2E_PASSPHRASE);
      await page.getByRole('heading', { name: 'Your vault is open' }).waitFor();
      expect(foreignRequests(app)).toEqual([]);
    });

    it('Ctrl+L locks from home', async () => {
      const { page } = app;
      await page.keyboard.press('Control+l');
      await page.getByRole('button', { name: 'Unlock', exact: true }).waitFor();
      await unlock(page);
    });
  });
}
