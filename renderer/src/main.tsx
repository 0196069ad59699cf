import './same-origin-only';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/base.css';
// Light or dark before the first paint: the system's setting until the vault says otherwise.
import './theme/appearance';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
