import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type SyntheticEvent } from 'react';
import {
  LEADERBOARD_MODES,
  type LeaderboardMode,
  type TeacherForecastsView,
} from '#domain/api/forecast-contracts';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import { useAnnounce } from '#shared/components/live-announcer';
import { Link } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import {
  classListQuery,
  createClass,
  forecastsCsvPath,
  refreshForecasts,
  setLeaderboardMode,
  setSessionClass,
} from '../api/teacher-forecasts-api';

type Session = TeacherForecastsView['sessions'][number];

const MODE_TEXT: Readonly<Record<LeaderboardMode, string>> = {
  off: 'Off',
  pseudonyms: 'On, by pseudonym',
  names: 'On, by name',
};

/** Whether the session's students see a leaderboard, and by what (only those who opt in). */
export function LeaderboardModeForm({ session }: { readonly session: Session }) {
  const selectId = useId();
  const hintId = useId();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [mode, setMode] = useState<LeaderboardMode>(session.leaderboard);
  const save = useMutation({
    mutationFn: () => setLeaderboardMode(session.id, mode),
    onSuccess: (saved) => {
      announce(`Leaderboard: ${MODE_TEXT[saved.mode]}.`);
      refreshForecasts(queryClient, session.id);
    },
  });
  const optedIn = session.participants.filter((p) => p.isOptedIn).length;
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="inline-fields" onSubmit={submit} aria-label="Leaderboard">
      <div className="form-field">
        <label htmlFor={selectId}>Leaderboard</label>
        <select
          className="text-input"
          id={selectId}
          value={mode}
          aria-describedby={hintId}
          onChange={(event) => {
            const chosen = LEADERBOARD_MODES.find((m) => m === event.target.value);
            if (chosen) setMode(chosen);
          }}
        >
          {LEADERBOARD_MODES.map((m) => (
            <option key={m} value={m}>
              {MODE_TEXT[m]}
            </option>
          ))}
        </select>
        <p id={hintId} className="hint">
          Only students who opt in appear; {optedIn} of {session.participants.length} have.
        </p>
      </div>
      <button type="submit" className="button" disabled={save.isPending}>
        Save leaderboard
      </button>
      <ApiErrorAlert error={save.error} />
    </form>
  );
}

/** Puts the session in one of the teacher's classes (or a new one), or in none. */
export function ClassPicker({ sessionId }: { readonly sessionId: string }) {
  const selectId = useId();
  const newNameId = useId();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const classes = useQuery(classListQuery());
  // null: the teacher has not chosen yet, so the session's own class is shown.
  const [chosen, setChosen] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const move = useMutation({
    mutationFn: (next: string | null) => setSessionClass(sessionId, next),
    onSuccess: () => {
      announce('Class saved.');
      refreshForecasts(queryClient, sessionId);
    },
  });
  const create = useMutation({
    mutationFn: () => createClass(newName),
    onSuccess: (created) => {
      setNewName('');
      setChosen(created.id);
      announce(`Class “${created.name}” created.`);
      move.mutate(created.id);
    },
  });
  if (classes.isPending) return <p role="status">Loading your classes…</p>;
  if (classes.isError)
    return <ApiErrorAlert lead="Your classes could not be loaded: " error={classes.error} />;
  const current = classes.data.classes.find((c) => c.sessionIds.includes(sessionId));
  const shown = chosen ?? current?.id ?? '';
  return (
    <div className="class-picker">
      <p>
        {current ? (
          <>
            In the class “{current.name}”:{' '}
            <Link to={routes.classForecasts.build({ classId: current.id })}>
              the class’s forecasts
            </Link>
            .
          </>
        ) : (
          'In no class: its questions are shown alone.'
        )}
      </p>
      <form
        className="inline-fields"
        aria-label="Class"
        onSubmit={(event) => {
          event.preventDefault();
          move.mutate(shown === '' ? null : shown);
        }}
      >
        <div className="form-field">
          <label htmlFor={selectId}>Class</label>
          <select
            className="text-input"
            id={selectId}
            value={shown}
            onChange={(event) => {
              setChosen(event.target.value);
            }}
          >
            <option value="">No class</option>
            {classes.data.classes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" disabled={move.isPending}>
          Save class
        </button>
      </form>
      <form
        className="inline-fields"
        aria-label="New class"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <div className="form-field">
          <label htmlFor={newNameId}>New class name</label>
          <input
            id={newNameId}
            className="text-input"
            value={newName}
            onChange={(event) => {
              setNewName(event.target.value);
            }}
          />
        </div>
        <button type="submit" className="button" disabled={create.isPending}>
          Create class and put this session in it
        </button>
      </form>
      <ApiErrorAlert error={move.error ?? create.error} />
    </div>
  );
}

/** The session's every forecast version as a spreadsheet. */
export function ForecastsCsvLink({ session }: { readonly session: Session }) {
  return (
    <a className="button" href={forecastsCsvPath(session.id)} download>
      Download forecasts (CSV)
      <span className="visually-hidden">: {session.lessonTitle}</span>
    </a>
  );
}
