/** The session's drawing (a system map): the canvas snapshot, stored as the editor gives it. */
export interface SystemMap {
  sessionId: string;
  snapshotJson: string;
  updatedAt: string;
}
