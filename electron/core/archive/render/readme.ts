import { ARCHIVE_FORMAT_VERSION } from '@shared/domain/archive';
import type { ArchiveContent } from '../content';

/** README.txt: how the archive is laid out and how to read it with ordinary tools, years from now. */
export function readmeText(content: ArchiveContent): string {
  const copy = content.purpose === 'coachee-copy';
  return `CONFIDANTE ARCHIVE
==================

What this is
------------
A copy of coaching records exported from Confidante ${content.appVersion} on ${content.createdAt}.
Scope: ${content.scope.label}.
Purpose: ${copy ? 'a copy for the coachee' : 'a backup of everything'}.
${
  copy
    ? `This copy leaves out, on purpose, the coach's private side: observations and
self-disclosure notes, and the boundary-check answers. Their absence does not mean
they were deleted.
`
    : `This backup holds everything, including the coach's private observations and
self-disclosure notes and the boundary-check answers. Keep it as safe as the vault.
`
}
How to open it without Confidante
---------------------------------
The .confidante.age file is encrypted with age (https://age-encryption.org, format
age-encryption.org/v1) under a passphrase. With the age command-line tool:

    age -d -o archive.zip NAME.confidante.age     (asks for the passphrase)
    unzip archive.zip
${
  copy
    ? `
A coachee copy may come as a web page instead (.html): it opens in any web browser
with the passphrase. The same age file is inside it, ASCII-armored: copy the block
from -----BEGIN AGE ENCRYPTED FILE----- to -----END AGE ENCRYPTED FILE----- into a
file and run age -d on that file, as above.
`
    : ''
}
What is inside
--------------
README.txt                   this file
manifest.json                format "confidante-archive" version ${ARCHIVE_FORMAT_VERSION}: when and by which
                             version it was made, the scope and purpose, how many records
                             of each kind, and the SHA-256 checksum and size of every
                             other file (check one with: sha256sum FILE)
index.md                     who and what is in the archive, with links to each session
${
  copy
    ? `record.html                  the coachee's record, to read or print: their goals and the
                             progress they rated, the journey's pictures, and every session
                             with its contract, notes, map, answers, feedback, outcome and
                             actions
journey/                     the journey as pictures (SVG, with a title and a description
                             each; open them in any web browser), when there is something
                             to draw:
    progress.svg             progress per goal: the coachee's ratings over the sessions
    sessions.svg             the sessions over time: way of working and walk-away outcome
    actions.svg              the actions agreed in each session, and where they stand
`
    : ''
}sessions/DATE_NAME_ID/       one folder per session:
    session.md               the contract, outcome, summary, prompts and answers, actions${copy ? '' : ',\n                             and the private observations'}
    note.md, note.html       the session notes, as Markdown and as a web page
    note.lexical.json        the notes as Confidante stores them (Lexical editor JSON)
    map.svg                  the system map as a picture: the SVG the map editor (tldraw)
                             made of it (open it in any web browser). A map last saved
                             without its picture has none yet: open it once in Confidante
    map.tldraw.json          the map as Confidante stores it (a tldraw snapshot)
data/                        every record as JSON (UTF-8), which Confidante imports:
    coachees.json            profiles
${copy ? '' : '    boundary-checks.json     the boundary-check answers, one per coachee\n'}    sessions.json            sessions and their contracts and outcomes
    prompt-answers.json      prompts asked in sessions and the answers given
    custom-prompts.json      the coach's own prompts
    actions.json             actions agreed, with owner, due date, status and the goal
                             each serves (goalId)
${copy ? '' : '    observations.json        the coach\'s private observations ("observation") and\n                             self-disclosure notes ("disclosure")\n'}    notes.json               for each note: its session, plain text, and its file
    maps.json                for each map: its session and its file
    goals.json               the coachee's goals, in their words: what success looks like,
                             and whether each is in play, paused, achieved or let go (with
                             the day and why)
    progress-ratings.json    progress on a goal as the coachee rated it at the end of a
                             session (1 to 10), with their words
    feedback-given.json      feedback the coach gave in a session: situation, behaviour,
                             impact, and the coachee's response
    session-feedback.json    the coachee's feedback on a session: what helped, and what to
                             change next time

Dates and times are ISO 8601 in UTC. Ids are UUIDs; records refer to each other by them
(a session's coacheeId, an action's sessionId and goalId, a rating's goalId and
sessionId, and so on).
`;
}
