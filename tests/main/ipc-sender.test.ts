import { describe, expect, it } from 'vitest';
import { isTrustedSender, type ContentsFacts, type FrameFacts } from '../../electron/main/policy/ipc-sender';
import { ownUrlCheck } from '../../electron/main/policy/origins';

const packaged = ownUrlCheck(undefined);
const dev = ownUrlCheck('http://localhost:5173');

/** A window's webContents as the check sees it: its own main frame object, whose url changes when it navigates. */
function contents(url: string): ContentsFacts & { mainFrame: FrameFacts & { url: string } } {
  return { mainFrame: { url } };
}

describe('isTrustedSender (the IPC sender check)', () => {
  it("accepts the owner window's main frame on the app's own page", () => {
    const coach = contents('app://confidante/index.html');
    expect(isTrustedSender({ sender: coach, senderFrame: coach.mainFrame }, coach, packaged)).toBe(true);
  });

  it('refuses a different webContents, even one showing the same page', () => {
    const coach = contents('app://confidante/index.html');
    const other = contents('app://confidante/index.html');
    expect(isTrustedSender({ sender: other, senderFrame: other.mainFrame }, coach, packaged)).toBe(false);
  });

  it("refuses the coachee window on the coach's channel", () => {
    const coach = contents('app://confidante/index.html');
    const coachee = contents('app://confidante/coachee.html');
    expect(isTrustedSender({ sender: coachee, senderFrame: coachee.mainFrame }, coach, packaged)).toBe(false);
  });

  it('refuses a subframe of the owner window, whatever its origin', () => {
    const coach = contents('app://confidante/index.html');
    for (const url of ['app://confidante/index.html', 'https://evil.example/embed']) {
      expect(isTrustedSender({ sender: coach, senderFrame: { url } }, coach, packaged), url).toBe(false);
    }
  });

  it('refuses the owner window once its main frame shows another origin', () => {
    const coach = contents('app://confidante/index.html');
    for (const url of ['https://evil.example/', 'file:///tmp/page.html', 'data:text/html,hi', 'about:blank', 'chrome-error://chromewebdata/']) {
      coach.mainFrame.url = url;
      expect(isTrustedSender({ sender: coach, senderFrame: coach.mainFrame }, coach, packaged), url).toBe(false);
    }
  });

  it('refuses a message whose frame is gone, and any message while the window does not exist', () => {
    const coach = contents('app://confidante/index.html');
    expect(isTrustedSender({ sender: coach, senderFrame: null }, coach, packaged)).toBe(false);
    expect(isTrustedSender({ sender: coach, senderFrame: coach.mainFrame }, null, packaged)).toBe(false);
  });

  it('accepts the dev server page only under electron-vite dev', () => {
    const coach = contents('http://localhost:5173/');
    expect(isTrustedSender({ sender: coach, senderFrame: coach.mainFrame }, coach, dev)).toBe(true);
    expect(isTrustedSender({ sender: coach, senderFrame: coach.mainFrame }, coach, packaged)).toBe(false);
  });
});
