/**
 * Targeted questions for the "talk-through" mode of a session: open questions about the
 * coachee's professional world that the coach can drop into the notes as headings.
 * Pure data, shared by the renderer (and any future import/export), no DOM, no Node.
 */
export interface TalkQuestion {
  /** Stable id: safe to store (e.g. "which questions were asked this session"). */
  id: string;
  /** The group the question is listed under. */
  theme: string;
  /** The question as asked, and as inserted into the notes. */
  text: string;
}

export const TALK_QUESTIONS: readonly TalkQuestion[] = [
  // Current work
  { id: 'projects-current', theme: 'Current work', text: 'What are you working on right now that matters most to you?' },
  { id: 'projects-time', theme: 'Current work', text: 'Where does most of your time actually go in a typical week?' },

  // Challenge
  { id: 'challenge-biggest', theme: 'Challenge', text: 'What is the biggest challenge you are facing at the moment?' },
  { id: 'challenge-tried', theme: 'Challenge', text: 'What have you already tried, and what did you learn from it?' },

  // Stakeholders
  { id: 'stakeholders-key', theme: 'Stakeholders', text: 'Who are the people whose support you need most for this?' },
  { id: 'stakeholders-view', theme: 'Stakeholders', text: 'How would your manager describe your situation? And your team?' },

  // Ownership
  { id: 'ownership-look', theme: 'Ownership', text: 'What would taking full ownership of this look like?' },
  { id: 'ownership-decide', theme: 'Ownership', text: 'Which decisions here are yours to make, and which are not?' },

  // Energy
  { id: 'energy-gives', theme: 'Energy', text: 'Which parts of your work give you energy?' },
  { id: 'energy-drains', theme: 'Energy', text: 'What drains your energy, and what would change if it stopped?' },

  // Support
  { id: 'support-help', theme: 'Support', text: 'What support would make the biggest difference for you right now?' },
  { id: 'support-ask', theme: 'Support', text: 'What is stopping you from asking for that support?' },

  // Success
  { id: 'success-look', theme: 'Success', text: 'What would success look like six months from now?' },
  { id: 'success-notice', theme: 'Success', text: 'How will you notice that you are making progress?' },

  // Next step
  { id: 'career-next', theme: 'Next step', text: 'What do you see as your next career step?' },
  { id: 'career-first', theme: 'Next step', text: 'What is one small step you could take before we next meet?' },
];
