/** The last step of an export or import: one sentence, and a way out. */
export function ArchiveResult({ sentence, onClose }: { sentence: string; onClose: () => void }) {
  return (
    <div className="archive-body">
      <p className="archive-result" role="status">
        {sentence}
      </p>
      <div className="archive-actions">
        <button type="button" className="button button--primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </div>
  );
}
