import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { sessionsPerMonthChart, THEME_PALETTE } from '@shared/journey/charts';
import { ChartFigure } from '../journey/ChartFigure';
import '../journey/journey.css';

/** Sessions per month over the last year, as a picture (and a table). */
export function MonthsChart({ months }: { months: ReadonlyArray<{ month: string; sessions: number }> }) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.round(element.getBoundingClientRect().width));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const spec = useMemo(() => (width > 0 ? sessionsPerMonthChart(months, { palette: THEME_PALETTE, width: Math.max(320, width - 2 * 19) }) : null), [months, width]);
  return <div ref={ref}>{spec && <ChartFigure name="months" spec={spec} emptyText="No sessions in the last twelve months." />}</div>;
}
