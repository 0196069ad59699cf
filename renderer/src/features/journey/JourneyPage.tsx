import { useMemo } from 'react';
import type { Journey } from '@shared/domain/journey';
import { ACTION_STACK, ACTION_STATUS_NAMES, OUTCOME_NAMES, WAY_NAMES } from '@shared/journey/labels';
import { journeyCharts, THEME_PALETTE } from '@shared/journey/charts';
import { latestRatings } from '@shared/journey/model';
import { usualRhythmDays } from '@shared/journey/practice';
import { WAYS_OF_WORKING } from '@shared/domain/working-style';
import { api } from '../../api/client';
import type { Navigate } from '../workspace/navigation';
import { useAsync } from '../workspace/useAsync';
import { formatDay } from '../workspace/format';
import { ChartFigure } from './ChartFigure';
import { FeedbackPanel } from './FeedbackPanel';
import { useWidth } from './use-width';
import { GoalsPanel } from './GoalsPanel';
import './journey.css';


export function JourneyPage({ coacheeId, navigate }: { coacheeId: string; navigate: Navigate }) {
  const [state, reload] = useAsync<Journey>(() => api.journeyGet({ coacheeId }), coacheeId);
  if (state.status === 'loading') return <div className="page" aria-busy="true" />;
  if (state.status === 'error') return <div className="page"><p className="error">{state.message}</p></div>;
  return <JourneyView journey={state.value} navigate={navigate} onChanged={reload} />;
}

function JourneyView({ journey, navigate, onChanged }: { journey: Journey; navigate: Navigate; onChanged: () => void }) {
  const [picturesRef, width] = useWidth();
  // Inner width of a panel: the pictures fill it. Less than that only while the page lays out.
  const charts = useMemo(
    () => (width > 0 ? journeyCharts(journey, { palette: THEME_PALETTE, formatDay, width: Math.max(320, width - 2 * 19) }) : null),
    [journey, width],
  );
  const latest = useMemo(() => latestRatings(journey), [journey]);
  const rhythm = usualRhythmDays(journey.sessions.map((session) => session.startedAt));
  const inPlay = journey.goals.filter((goal) => goal.status === 'active').length;
  const committed = journey.actions.reduce((sum, row) => sum + row.committed, 0);
  const done = journey.actions.reduce((sum, row) => sum + row.done, 0);
  const first = journey.sessions[0];

  return (
    <div className="page journey">
      <header className="page__head">
        <div>
          <p className="eyebrow">{journey.coacheeName}</p>
          <h1>Journey</h1>
          <p className="lede">
            {first ? `Working together since ${formatDay(first.startedAt)}.` : 'No sessions yet.'} Goals in their words, progress as they rate it, and
            feedback both ways.
          </p>
        </div>
        <div className="page__actions">
          <button type="button" className="button" onClick={() => navigate({ kind: 'coachee', id: journey.coacheeId })}>
            Back to profile
          </button>
        </div>
      </header>

      <h2 className="visually-hidden">At a glance</h2>
      <dl className="journey__stats">
        <div className="stat">
          <dt>Sessions</dt>
          <dd>{journey.sessions.length}</dd>
        </div>
        <div className="stat">
          <dt>Usual rhythm</dt>
          <dd>{rhythm === null ? '—' : `every ${rhythm} day${rhythm === 1 ? '' : 's'}`}</dd>
        </div>
        <div className="stat">
          <dt>Goals in play</dt>
          <dd>{inPlay}</dd>
        </div>
        <div className="stat">
          <dt>Actions done</dt>
          <dd>{committed === 0 ? '—' : `${done} of ${committed}`}</dd>
        </div>
      </dl>

      <GoalsPanel journey={journey} latest={latest} onChanged={onChanged} />

      <div ref={picturesRef} className="journey__pictures">
        {charts && (
          <>
            <ChartFigure
              name="progress"
              spec={charts.progress}
              emptyText={journey.goals.length === 0 ? 'Name a goal above: the coachee rates progress on it at each close-out.' : undefined}
              legend={
                <ul className="legend" aria-label="Goals">
                  {journey.goals
                    .filter((goal) => latest.has(goal.id))
                    .map((goal) => (
                      <li key={goal.id}>
                        <span className="legend__line" style={{ background: seriesColour(journey, goal.id) }} aria-hidden="true" />
                        {goal.title}
                      </li>
                    ))}
                </ul>
              }
            />
            <ChartFigure
              name="strip"
              spec={charts.strip}
              legend={
                <div className="legend-row">
                  <ul className="legend" aria-label="Colour: the way of working">
                    {WAYS_OF_WORKING.map((way) => (
                      <li key={way}>
                        <span className="legend__swatch" style={{ background: THEME_PALETTE.ways[way] }} aria-hidden="true" />
                        {WAY_NAMES[way]}
                      </li>
                    ))}
                  </ul>
                  <ul className="legend" aria-label="Shape: the walk-away outcome">
                    {(['yes', 'partly', 'no', 'open'] as const).map((outcome) => (
                      <li key={outcome}>
                        <OutcomeGlyph outcome={outcome} />
                        {OUTCOME_NAMES[outcome]}
                      </li>
                    ))}
                  </ul>
                </div>
              }
            />
            <ChartFigure
              name="actions"
              spec={charts.actions}
              legend={
                <ul className="legend" aria-label="Where the actions stand now">
                  {ACTION_STACK.map((status) => (
                    <li key={status}>
                      <span className="legend__swatch" style={{ background: THEME_PALETTE.statuses[status] }} aria-hidden="true" />
                      {ACTION_STATUS_NAMES[status]}
                    </li>
                  ))}
                </ul>
              }
            />
          </>
        )}
      </div>

      <FeedbackPanel journey={journey} />
    </div>
  );
}

function seriesColour(journey: Journey, goalId: string): string {
  const index = journey.goals.findIndex((goal) => goal.id === goalId);
  return THEME_PALETTE.series[index % THEME_PALETTE.series.length]!;
}

/** The strip's shapes, for its key: drawn as the strip draws them (filled, or a ring while open). */
function OutcomeGlyph({ outcome }: { outcome: 'yes' | 'partly' | 'no' | 'open' }) {
  const shape = {
    yes: <circle cx="7" cy="7" r="5" />,
    partly: <path d="M7 1.5 12.5 7 7 12.5 1.5 7Z" />,
    no: <path d="M7 2 12.5 12 1.5 12Z" />,
    open: <circle cx="7" cy="7" r="4.2" fill="none" stroke="currentColor" strokeWidth="2" />,
  }[outcome];
  return (
    <svg className="legend__glyph" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" fill="currentColor">
      {shape}
    </svg>
  );
}
