import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export const E2E_PASSPHRASE = 'lantern orchard 47 quietly river';

/** First run: create the vault, acknowledge the recovery code, land on home. Returns the code. */
export async function createVault(page: Page, passphrase = E2E_PASSPHRASE): Promise<string> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Confirm passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Create vault' }).click();
  const code = (await page.getByTestId('recovery-code').textContent({ timeout: 30_000 })) ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
  await page.getByLabel('I have saved it').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Lock', exact: true }).waitFor();
  return code;
}

export async function unlock(page: Page, passphrase = E2E_PASSPHRASE): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page.getByRole('button', { name: 'Lock', exact: true }).waitFor({ timeout: 30_000 });
}

export async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByRole('button', { name: 'Unlock', exact: true }).waitFor();
}
