import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, targets, type RunningApp } from './support/targets';
import { E2E_PASSPHRASE, createVault, lock, unlock } from './support/vault-steps';

for (const target of targets()) {
  describe.skipIf(target.skip !== null)(`vault in ${target.name}`, () => {
    let app: RunningApp;
    let recoveryCode = '';
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

      recoveryCode = await createVault(page);
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

    it('changes the passphrase in Settings: the old one stops working, the new one opens', async () => {
      const { page } = app;
      const next = 'copper kettle 19 whistles softly';
      await page.getByRole('button', { name: 'Settings' }).click();
      const dialog = page.getByRole('dialog', { name: 'Settings' });
      await dialog.getByLabel('Current passphrase').fill('not the current one');
      await dialog.getByLabel('New passphrase', { exact: true }).fill(next);
      await dialog.getByLabel('Confirm new passphrase').fill(next);
      await dialog.getByRole('button', { name: 'Change passphrase' }).click();
      await dialog.getByRole('alert').getByText('The current passphrase is not right.').waitFor();
      await dialog.getByLabel('Current passphrase').fill(E2E_PASSPHRASE);
      await dialog.getByRole('button', { name: 'Change passphrase' }).click();
      await dialog.getByText('Passphrase changed.').waitFor();
      await dialog.getByRole('button', { name: 'Close' }).click();

      await lock(page);
      await page.getByLabel('Passphrase', { exact: true }).fill(E2E_PASSPHRASE);
      await page.getByRole('button', { name: 'Unlock', exact: true }).click();
      await page.getByRole('alert').getByText('That passphrase does not open this vault.').waitFor();
      await unlock(page, next);
    });

    it('recovers with the recovery code and a new passphrase', async () => {
      const { page } = app;
      await lock(page);
      await page.getByRole('button', { name: 'Forgot your passphrase? Use the recovery code' }).click();
      await page.getByLabel('Recovery code').fill(recoveryCode.toLowerCase());
      await page.getByLabel('New passphrase', { exact: true }).fill('granite meadow 88 lanterns hum');
      await page.getByLabel('Confirm new passphrase').fill('granite meadow 88 lanterns hum');
      await page.getByRole('button', { name: 'Recover and unlock' }).click();
      await page.getByRole('button', { name: 'Lock', exact: true }).waitFor({ timeout: 30_000 });
      await lock(page);
      await unlock(page, 'granite meadow 88 lanterns hum');
    });
  });
}
