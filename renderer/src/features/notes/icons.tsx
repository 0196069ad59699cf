import type { ReactNode } from 'react';

/** Small stroke icons (16px, currentColor) for the notes toolbar and panel. Decorative only. */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="tn-icon"
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const BulletListIcon = () => (
  <Icon>
    <circle cx="3" cy="4" r="0.9" fill="currentColor" stroke="none" />
    <circle cx="3" cy="8" r="0.9" fill="currentColor" stroke="none" />
    <circle cx="3" cy="12" r="0.9" fill="currentColor" stroke="none" />
    <path d="M6 4h8M6 8h8M6 12h8" />
  </Icon>
);

export const NumberedListIcon = () => (
  <Icon>
    <path d="M2.2 2.8l1-.6v3.6M2 10.2c.2-.6.7-.9 1.2-.9.6 0 1 .4 1 .9 0 .8-2.2 1.6-2.2 2.8h2.3" strokeWidth="1.2" />
    <path d="M7 4h7M7 11.5h7" />
  </Icon>
);

export const CheckListIcon = () => (
  <Icon>
    <rect x="1.8" y="2.3" width="4" height="4" rx="1" />
    <path d="M2.6 11.6l1 1 1.9-2.2" />
    <path d="M8 4.3h6M8 11.8h6" />
  </Icon>
);

export const QuoteIcon = () => (
  <Icon>
    <path d="M3 3.5v9" strokeWidth="2" />
    <path d="M6.5 5.5h7M6.5 8h7M6.5 10.5h4.5" />
  </Icon>
);

export const UndoIcon = () => (
  <Icon>
    <path d="M5.5 3.5L2.5 6.5l3 3" />
    <path d="M2.5 6.5h7a4 4 0 010 8H7" />
  </Icon>
);

export const RedoIcon = () => (
  <Icon>
    <path d="M10.5 3.5l3 3-3 3" />
    <path d="M13.5 6.5h-7a4 4 0 000 8H9" />
  </Icon>
);

export const PlusIcon = () => (
  <Icon>
    <path d="M8 3.5v9M3.5 8h9" />
  </Icon>
);

export const PanelCloseIcon = () => (
  <Icon>
    <path d="M6 4l4 4-4 4" />
  </Icon>
);

export const PanelOpenIcon = () => (
  <Icon>
    <path d="M10 4L6 8l4 4" />
  </Icon>
);
