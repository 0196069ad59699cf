import * as Plot from '@observablehq/plot';
import { useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { POINT_ATTRIBUTE, type ChartSpec } from '@shared/journey/charts';

interface PlotChartProps {
  spec: ChartSpec;
  /** Ids of the figure's heading and description: the picture is named and described by them. */
  titleId: string;
  descriptionId: string;
}

const NEXT: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

function pointOf(target: EventTarget | null): number | null {
  if (!(target instanceof Element)) return null;
  const marked = target.closest(`[${POINT_ATTRIBUTE}]`);
  const value = marked?.getAttribute(POINT_ATTRIBUTE);
  return value === null || value === undefined ? null : Number(value);
}

/**
 * One of the journey's pictures: Observable Plot's SVG, drawn into the page, with every mark a
 * keyboard can reach. The picture is one tab stop; the arrow keys (and Home, End) move between its
 * marks, and the mark in focus or under the pointer is read out below it, in words.
 */
export function PlotChart({ spec, titleId, descriptionId }: PlotChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const marks = useRef<Element[]>([]);
  const [active, setActive] = useState<number | null>(null);

  useLayoutEffect(() => {
    const svg = Plot.plot(spec.options);
    svg.removeAttribute('aria-label');
    svg.setAttribute('role', 'group');
    svg.setAttribute('aria-labelledby', titleId);
    svg.setAttribute('aria-describedby', descriptionId);
    // Plot names each mark's group after its kind ("dot", "line"): not words a listener needs. The
    // marks a keyboard reaches carry their own names; the rest (lines, rules, labels) is drawing.
    for (const group of svg.querySelectorAll('g[aria-label]')) {
      group.removeAttribute('aria-label');
      if (!group.querySelector(`[${POINT_ATTRIBUTE}]`)) group.setAttribute('aria-hidden', 'true');
    }
    const tagged = [...svg.querySelectorAll(`[${POINT_ATTRIBUTE}]`)].sort((a, b) => Number(a.getAttribute(POINT_ATTRIBUTE)) - Number(b.getAttribute(POINT_ATTRIBUTE)));
    tagged.forEach((element, order) => {
      const point = spec.points[Number(element.getAttribute(POINT_ATTRIBUTE))];
      element.setAttribute('role', 'img');
      element.setAttribute('aria-label', point?.label ?? '');
      element.setAttribute('tabindex', order === 0 ? '0' : '-1');
      element.classList.add('chart__mark');
    });
    marks.current = tagged;
    host.current?.replaceChildren(svg);
    return () => svg.remove();
  }, [spec, titleId, descriptionId]);

  const focusMark = (index: number) => {
    const list = marks.current;
    const target = list[Math.max(0, Math.min(list.length - 1, index))];
    if (!target) return;
    for (const element of list) element.setAttribute('tabindex', element === target ? '0' : '-1');
    (target as SVGElement).focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = marks.current.findIndex((element) => element === document.activeElement);
    if (current < 0) return;
    const step = NEXT[event.key];
    if (step !== undefined) focusMark(current + step);
    else if (event.key === 'Home') focusMark(0);
    else if (event.key === 'End') focusMark(marks.current.length - 1);
    else if (event.key === 'Escape') setActive(null);
    else return;
    event.preventDefault();
  };

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const point = pointOf(event.target);
    if (point === null) return;
    for (const element of marks.current) element.setAttribute('tabindex', element === event.target ? '0' : '-1');
    setActive(point);
  };

  const onPointer = (event: MouseEvent<HTMLDivElement>) => {
    const point = pointOf(event.target);
    if (point !== null) setActive(point);
  };

  const detail = active === null ? null : spec.points[active]?.detail;
  return (
    <div className="chart">
      <div
        ref={host}
        className="chart__picture"
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setActive(null);
        }}
        onMouseOver={onPointer}
        onMouseLeave={() => {
          if (!host.current?.contains(document.activeElement)) setActive(null);
        }}
      />
      <p className="chart__caption" aria-live="polite">
        {detail ?? (spec.points.length > 0 ? 'Point at a mark, or Tab to the picture and use the arrow keys, to read it.' : '')}
      </p>
    </div>
  );
}
