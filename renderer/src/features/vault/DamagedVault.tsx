/** A vault that cannot be read is never replaced silently: the coach is told which file, and why. */
export function DamagedVault({ problem }: { problem: string }) {
  return (
    <main className="screen screen--centered">
      <section className="card card--narrow" role="alert">
        <p className="eyebrow">Confidante</p>
        <h1>The vault cannot be opened</h1>
        <p className="lede">{problem}</p>
        <p className="hint">Nothing has been changed. Restore the file from a backup, then start Confidante again.</p>
      </section>
    </main>
  );
}
