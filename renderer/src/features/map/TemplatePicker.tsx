import { useEffect, useRef } from 'react';
import { MAP_TEMPLATES, type MapTemplateId } from './templates';

/** Small line drawings of each template, in the app's colours (no images to load). */
function Preview({ id }: { id: MapTemplateId }) {
  switch (id) {
    case 'stakeholder': {
      const around = [0, 60, 120, 180, 240, 300].map((deg) => {
        const a = ((deg - 90) * Math.PI) / 180;
        return { x: 60 + 40 * Math.cos(a), y: 40 + 27 * Math.sin(a) };
      });
      return (
        <svg viewBox="0 0 120 80" aria-hidden="true">
          {around.map((p, i) => (
            <line key={`l${i}`} x1={60} y1={40} x2={p.x} y2={p.y} className="map-preview__line" />
          ))}
          {around.map((p, i) => (
            <rect key={`r${i}`} x={p.x - 11} y={p.y - 6} width={22} height={12} rx={2} className="map-preview__box" />
          ))}
          <ellipse cx={60} cy={40} rx={15} ry={9} className="map-preview__focus" />
        </svg>
      );
    }
    case 'circles':
      return (
        <svg viewBox="0 0 120 80" aria-hidden="true">
          <circle cx={60} cy={40} r={34} className="map-preview__box" />
          <circle cx={60} cy={40} r={22} className="map-preview__soft" />
          <circle cx={60} cy={40} r={11} className="map-preview__focus" />
        </svg>
      );
    case 'force-field':
      return (
        <svg viewBox="0 0 120 80" aria-hidden="true">
          <rect x={38} y={6} width={44} height={12} rx={2} className="map-preview__focus" />
          <line x1={60} y1={24} x2={60} y2={76} className="map-preview__axis" />
          {[36, 50, 64].map((y) => (
            <g key={y}>
              <line x1={22} y1={y} x2={54} y2={y} className="map-preview__help" />
              <path d={`M50 ${y - 3} L55 ${y} L50 ${y + 3}`} className="map-preview__help" />
              <line x1={98} y1={y} x2={66} y2={y} className="map-preview__hinder" />
              <path d={`M70 ${y - 3} L65 ${y} L70 ${y + 3}`} className="map-preview__hinder" />
            </g>
          ))}
        </svg>
      );
    case 'blank':
      return (
        <svg viewBox="0 0 120 80" aria-hidden="true">
          <rect x={22} y={12} width={76} height={56} rx={4} className="map-preview__blank" />
        </svg>
      );
  }
}

export interface TemplatePickerProps {
  /** 'empty': the empty state of a map with no shapes. 'dialog': opened from the Templates button. */
  mode: 'empty' | 'dialog';
  onPick: (id: MapTemplateId) => void;
  onClose: () => void;
}

export function TemplatePicker({ mode, onPick, onClose }: TemplatePickerProps) {
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (mode === 'dialog') first.current?.focus();
  }, [mode]);

  return (
    <div className={`map-picker map-picker--${mode}`}>
      <section
        className="map-picker__card"
        role={mode === 'dialog' ? 'dialog' : 'region'}
        aria-modal={mode === 'dialog' ? false : undefined}
        aria-labelledby="map-picker-title"
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <header className="map-picker__header">
          <div>
            <h2 id="map-picker-title">{mode === 'empty' ? 'Start the map' : 'Add a template'}</h2>
            <p>
              {mode === 'empty'
                ? 'Pick a starting layout, or begin on a blank canvas. Everything stays editable.'
                : 'The template is added beside what is already on the map. Undo removes it.'}
            </p>
          </div>
          {mode === 'dialog' && (
            <button type="button" className="map-picker__close" onClick={onClose} aria-label="Close templates">
              ×
            </button>
          )}
        </header>
        <ul className="map-picker__grid">
          {MAP_TEMPLATES.filter((t) => mode === 'empty' || t.id !== 'blank').map((template, i) => (
            <li key={template.id}>
              <button type="button" ref={i === 0 ? first : undefined} className="map-picker__option" onClick={() => onPick(template.id)} data-template={template.id}>
                <span className="map-preview">
                  <Preview id={template.id} />
                </span>
                <span className="map-picker__name">{template.name}</span>
                <span className="map-picker__description">{template.description}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
