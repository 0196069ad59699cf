/** A labelled progress bar with an optional Cancel: backups, restores and imports share it. */
export function ProgressBar({
  label,
  percent,
  name,
  onCancel,
  cancelling = false,
}: {
  label: string;
  percent: number;
  /** The bar's accessible name ("Backup progress"). */
  name: string;
  onCancel?: () => void;
  cancelling?: boolean;
}) {
  return (
    <div className="backup-progress">
      <div className="backup-progress__row">
        <div className="backup-progress__bar" role="progressbar" aria-label={name} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={label}>
          <span style={{ width: `${percent}%` }} />
        </div>
        {onCancel && (
          <button type="button" className="button button--small" onClick={onCancel} disabled={cancelling}>
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
      </div>
      <p className="backup-progress__label">{cancelling ? 'Stopping; nothing half-done is kept…' : label}</p>
    </div>
  );
}
