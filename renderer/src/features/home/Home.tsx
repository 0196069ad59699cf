import { useEffect } from 'react';

/** The unlocked home. Later features fill it; for now a calm empty state and the Lock button. */
export function Home({ onLock }: { onLock: () => void }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        onLock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onLock]);

  return (
    <div className="app-shell">
      <header className="topbar">
        <span className="brand">Confidante</span>
        <button type="button" className="button" onClick={onLock} title="Lock the vault (Ctrl+L)">
          Lock
        </button>
      </header>
      <main className="screen screen--centered">
        <section className="empty-state">
          <h1>Your vault is open</h1>
          <p>No coachees yet. When you add one, their sessions, notes and maps will live here, encrypted.</p>
        </section>
      </main>
    </div>
  );
}
