import type { Page } from 'playwright-core';

/** The same steps as tests/e2e/support, without the test runner. */
export const BENCH_PASSPHRASE = 'lantern orchard 47 quietly river';

export async function createVault(page: Page, passphrase = BENCH_PASSPHRASE): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Confirm passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByTestId('recovery-code').waitFor({ timeout: 60_000 });
  await page.getByLabel('I have saved it').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Lock', exact: true }).waitFor();
}

export async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByRole('button', { name: 'Unlock', exact: true }).waitFor();
}

export async function unlock(page: Page, passphrase = BENCH_PASSPHRASE): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page.getByRole('button', { name: 'Lock', exact: true }).waitFor({ timeout: 60_000 });
}

export async function openCoachee(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Coachees' }).getByRole('button', { name: new RegExp(name) }).click();
  await page.getByRole('heading', { name, exact: true }).waitFor();
  await page.getByRole('heading', { name: 'Timeline' }).waitFor();
}

async function answer(page: Page, question: string | RegExp, value: 'Yes' | 'No'): Promise<void> {
  await page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: value, exact: true }).check();
}

/** Add a coachee through the form (boundary check answered, no conflict). */
export async function addCoachee(page: Page, name: string, way: 'Talk it through' | 'Draw their system' | 'Be challenged'): Promise<void> {
  await page.getByRole('button', { name: 'New coachee' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByRole('radio', { name: way }).check();
  await answer(page, "Do you manage this person's performance or pay?", 'No');
  await answer(page, 'Do you have any other conflict of interest with this person?', 'No');
  await answer(page, 'Is confidentiality agreed between you?', 'Yes');
  await answer(page, /limits of confidentiality/, 'Yes');
  await page.getByRole('button', { name: 'Add coachee' }).click();
  await page.getByRole('heading', { name, exact: true }).waitFor();
}

/** From a coachee's page: agree the contract and start; returns when the session bar is there. */
export async function startSession(page: Page, walkAwayWith: string): Promise<void> {
  await page.getByRole('button', { name: 'Start session' }).click();
  await page.getByLabel('What do you want to walk away with today?').fill(walkAwayWith);
  await page.getByRole('button', { name: 'Start session' }).click();
  await page.getByRole('tablist', { name: 'Session mode' }).waitFor();
}

/** Wait until `check` holds, polling; throws with `what` after the timeout. */
export async function until<T>(what: string, check: () => T | Promise<T>, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
