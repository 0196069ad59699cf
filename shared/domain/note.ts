/** The session's notes: the editor state to restore, and its plain text to search. */
export interface SessionNote {
  sessionId: string;
  lexicalJson: string;
  plainText: string;
  updatedAt: string;
}
