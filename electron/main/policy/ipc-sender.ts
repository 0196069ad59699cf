import type { UrlCheck } from './origins';

/** The parts of Electron's WebFrameMain and WebContents the sender check reads. */
export interface FrameFacts {
  readonly url: string;
}
export interface ContentsFacts {
  readonly mainFrame: FrameFacts;
}

/** The parts of an IpcMainInvokeEvent the sender check reads. */
export interface SenderFacts {
  readonly sender: ContentsFacts;
  /** Null when the frame navigated away or was destroyed before the message was handled. */
  readonly senderFrame: FrameFacts | null;
}

/**
 * A channel answers one window only: the message must come from that window's webContents, from
 * its main frame (not a subframe, not a frame that has gone), and from a page of the app itself.
 * `owner` is null while the window does not exist.
 */
export function isTrustedSender(event: SenderFacts, owner: ContentsFacts | null, isOwnUrl: UrlCheck): boolean {
  const frame = event.senderFrame;
  return owner !== null && event.sender === owner && frame !== null && frame === owner.mainFrame && isOwnUrl(frame.url);
}
