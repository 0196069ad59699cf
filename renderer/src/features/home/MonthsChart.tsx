import { useMemo } from 'react';
import { sessionsPerMonthChart, THEME_PALETTE } from '@shared/journey/charts';
import { ChartFigure } from '../journey/ChartFigure';
import { useWidth } from '../journey/use-width';
import '../journey/journey.css';

/** Sessions per month over the last year, as a picture (and a table). */
export function MonthsChart({ months }: { months: ReadonlyArray<{ month: string; sessions: number }> }) {
  const [ref, width] = useWidth();
  const spec = useMemo(() => (width > 0 ? sessionsPerMonthChart(months, { palette: THEME_PALETTE, width: Math.max(320, width - 2 * 19) }) : null), [months, width]);
  return <div ref={ref}>{spec && <ChartFigure name="months" spec={spec} emptyText="No sessions in the last twelve months." />}</div>;
}
