import '../same-origin-only';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CoacheeScreen } from './CoacheeScreen';
import '../styles/base.css';
import './coachee.css';
import '../theme/appearance';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CoacheeScreen />
  </StrictMode>,
);
