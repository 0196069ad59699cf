import { parseHTML } from 'linkedom';
import * as Plot from '@observablehq/plot';
import type { Journey } from '@shared/domain/journey';
import { journeyCharts, LIGHT_PALETTE, type ChartSpec } from '@shared/journey/charts';

/** One of the journey's pictures as a standalone SVG document, with its title, description and table. */
export interface JourneyPicture {
  title: string;
  description: string;
  /** `<svg …>…</svg>` with a <title> and <desc>, light colours; null when there is nothing to draw yet. */
  svg: string | null;
  table: ChartSpec['table'];
}

export interface JourneyPictures {
  progress: JourneyPicture;
  strip: JourneyPicture;
  actions: JourneyPicture;
}

const EXPORT_WIDTH = 720;
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

const escapeXml = (text: string): string => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The journey's pictures for a page that leaves the app (a coachee copy): the same Plot
 * specifications as the journey page, drawn in Node into a document of linkedom's, with the light
 * theme's colours written in (no CSS variables outside the app) and the page's keyboard hooks
 * left out. Plot inlines its own small stylesheet; the SVG loads nothing.
 */
export function journeyPictures(journey: Journey): JourneyPictures {
  const { document } = parseHTML('<!doctype html><html><body></body></html>') as unknown as { document: Document };
  const charts = journeyCharts(journey, { palette: LIGHT_PALETTE, formatDay: (iso) => dayFormat.format(new Date(iso)), width: EXPORT_WIDTH });
  const draw = (spec: ChartSpec): JourneyPicture => {
    let svg: string | null = null;
    if (!spec.empty) {
      const element = Plot.plot({ ...spec.options, document });
      element.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
      element.setAttribute('role', 'img');
      // Standalone: no page around it to say what it is.
      svg = element.outerHTML.replace(/^<svg([^>]*)>/, `<svg$1><title>${escapeXml(spec.title)}</title><desc>${escapeXml(spec.description)}</desc>`).replace(/ data-point="\d+"/g, '');
    }
    return { title: spec.title, description: spec.description, svg, table: spec.table };
  };
  return { progress: draw(charts.progress), strip: draw(charts.strip), actions: draw(charts.actions) };
}
