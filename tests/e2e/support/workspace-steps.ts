import type { Page } from 'playwright-core';

export interface NewCoachee {
  name: string;
  role?: string;
  way: 'Talk it through' | 'Draw their system' | 'Be challenged';
  intensity?: 'Supportive' | 'Direct' | 'Tough';
  conflict?: boolean;
  note?: string;
}

async function answer(page: Page, question: string | RegExp, value: 'Yes' | 'No'): Promise<void> {
  await page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: value, exact: true }).check();
}

/** Add a coachee through the form, answering the boundary check (acknowledging a conflict if asked). */
export async function addCoachee(page: Page, coachee: NewCoachee): Promise<void> {
  await page.getByRole('button', { name: 'New coachee' }).click();
  await page.getByLabel('Name').fill(coachee.name);
  if (coachee.role) await page.getByLabel('Role').fill(coachee.role);
  if (coachee.note) await page.getByLabel('Note', { exact: true }).fill(coachee.note);
  await page.getByRole('radio', { name: coachee.way }).check();
  if (coachee.intensity) await page.getByRole('radiogroup', { name: 'Challenge intensity' }).getByRole('radio', { name: coachee.intensity }).check();
  await answer(page, "Do you manage this person's performance or pay?", 'No');
  await answer(page, 'Do you have any other conflict of interest with this person?', coachee.conflict ? 'Yes' : 'No');
  await answer(page, 'Is confidentiality agreed between you?', 'Yes');
  await answer(page, /limits of confidentiality/, 'Yes');
  if (coachee.conflict) await page.getByLabel('I understand the conflict and will go on').check();
  await page.getByRole('button', { name: 'Add coachee' }).click();
  await page.getByRole('heading', { name: coachee.name, exact: true }).waitFor();
}

/** From a coachee's page: agree the contract and start; returns when the session bar is there. */
export async function startSession(page: Page, walkAwayWith: string): Promise<void> {
  await page.getByRole('button', { name: 'Start session' }).click();
  await page.getByLabel('What do you want to walk away with today?').fill(walkAwayWith);
  await page.getByRole('button', { name: 'Start session' }).click();
  await page.getByRole('tablist', { name: 'Session mode' }).waitFor();
}

export async function selectedMode(page: Page): Promise<string> {
  return (await page.getByRole('tablist', { name: 'Session mode' }).getByRole('tab', { selected: true }).textContent()) ?? '';
}

export async function openCoachee(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Coachees' }).getByRole('button', { name: new RegExp(name) }).click();
  await page.getByRole('heading', { name, exact: true }).waitFor();
}

/** Shapes on the visible tldraw canvas. */
export async function shapeCount(page: Page): Promise<number> {
  return page.locator('section[aria-label="System map"]:not([hidden]) .tl-shape').count();
}
