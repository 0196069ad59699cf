import { useId, useState, type ReactNode } from 'react';
import type { ChartSpec } from '@shared/journey/charts';
import { PlotChart } from './PlotChart';

interface ChartFigureProps {
  spec: ChartSpec;
  /** A key to what the colours and shapes mean, drawn in the page's own type. */
  legend?: ReactNode;
  /** What to say instead of an empty picture. */
  emptyText?: string;
  /** Stable name for tests and styling. */
  name: string;
}

/**
 * A picture with its title, its description (what a screen reader hears, and anyone can read), and
 * a switch to see the same data as a table.
 */
export function ChartFigure({ spec, legend, emptyText, name }: ChartFigureProps) {
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const descriptionId = useId();
  return (
    <figure className={`panel chart-figure chart-figure--${name}`} aria-labelledby={titleId} data-chart={name}>
      <header className="chart-figure__head">
        <div>
          <h2 id={titleId}>{spec.title}</h2>
          <p id={descriptionId} className="chart-figure__description">
            {spec.empty && emptyText ? emptyText : spec.description}
          </p>
        </div>
        {!spec.empty && (
          <button type="button" className="button button--small chart-figure__toggle" aria-pressed={asTable} onClick={() => setAsTable((value) => !value)}>
            Show as table
          </button>
        )}
      </header>
      {!spec.empty && (asTable ? (
        <div className="chart-table__scroll" tabIndex={0} role="region" aria-labelledby={titleId}>
          <table className="chart-table">
            <caption className="visually-hidden">{spec.title}</caption>
            <thead>
              <tr>
                {spec.table.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {spec.table.rows.map((row, index) => (
                <tr key={index}>
                  {row.map((cell, column) => (column === 0 ? <th key={column} scope="row">{cell}</th> : <td key={column}>{cell}</td>))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <>
          {legend}
          <PlotChart spec={spec} titleId={titleId} descriptionId={descriptionId} />
        </>
      ))}
    </figure>
  );
}
