import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Lesson } from '../../../../domain/lesson/lesson-schema';
import type {
  ModerateResponseRequest,
  TeacherWallResponse,
} from '../../../../domain/live/dashboard-contracts';
import { useDebouncedValue } from '../../../shared/hooks/use-debounced-value';
import { describeApiError } from '../../../shared/lib/api-client';
import {
  changeSessionSettings,
  moderateResponse,
  storeSessionView,
  storeWallResponse,
  teacherResponsesQuery,
} from '../api/teacher-api';

const SEARCH_DEBOUNCE_MS = 300;

function ResponseCard({
  sessionId,
  response,
  question,
  isEnded,
}: {
  readonly sessionId: string;
  readonly response: TeacherWallResponse;
  /** The prompt, when the wall shows every prompt's responses. */
  readonly question: string | null;
  readonly isEnded: boolean;
}) {
  const queryClient = useQueryClient();
  const moderation = useMutation({
    mutationFn: (change: ModerateResponseRequest) => moderateResponse(sessionId, response, change),
    onSuccess: (updated) => {
      storeWallResponse(queryClient, sessionId, updated);
    },
  });
  const who = response.label ?? 'a student';
  const classes = ['wall-card'];
  if (response.isSpotlighted) classes.push('wall-card-spotlight');
  if (response.isHidden) classes.push('wall-card-hidden');
  return (
    <li className={classes.join(' ')} aria-label={`Response by ${who}`}>
      <p className="wall-author">
        {who}
        {response.isHidden ? <span className="pill">Hidden from the class</span> : null}
        {response.isSpotlighted ? <span className="pill pill-revealed">Spotlighted</span> : null}
      </p>
      {question ? <p className="wall-question-small">{question}</p> : null}
      <p className="wall-text">{response.text}</p>
      {isEnded ? null : (
        <div className="button-row">
          <button
            type="button"
            className="button button-small"
            aria-label={`${response.isHidden ? 'Show' : 'Hide'} the response by ${who}`}
            disabled={moderation.isPending}
            onClick={() => {
              moderation.mutate({ isHidden: !response.isHidden });
            }}
          >
            {response.isHidden ? 'Show' : 'Hide'}
          </button>
          <button
            type="button"
            className="button button-small"
            aria-label={`${response.isSpotlighted ? 'Remove spotlight from' : 'Spotlight'} the response by ${who}`}
            disabled={moderation.isPending}
            onClick={() => {
              moderation.mutate({ isSpotlighted: !response.isSpotlighted });
            }}
          >
            {response.isSpotlighted ? 'Remove spotlight' : 'Spotlight'}
          </button>
        </div>
      )}
      {moderation.isError ? (
        <p className="error" role="alert">
          {describeApiError(moderation.error)}
        </p>
      ) : null}
    </li>
  );
}

function ShowNamesToggle({
  sessionId,
  showNames,
  isEnded,
}: {
  readonly sessionId: string;
  readonly showNames: boolean;
  readonly isEnded: boolean;
}) {
  const queryClient = useQueryClient();
  // What the teacher asked for, shown at once (a controlled box would flick back until the
  // mutation's state arrives); cleared when the server's answer is in the cache.
  const [requested, setRequested] = useState<boolean | null>(null);
  const settings = useMutation({
    mutationFn: (next: boolean) => changeSessionSettings(sessionId, { showNames: next }),
    onSuccess: (view) => {
      storeSessionView(queryClient, view);
    },
    onSettled: () => {
      setRequested(null);
    },
  });
  const checked = requested ?? showNames;
  return (
    <div className="form-field">
      <label className="choice">
        <input
          type="checkbox"
          checked={checked}
          disabled={isEnded || requested !== null}
          onChange={(event) => {
            setRequested(event.target.checked);
            settings.mutate(event.target.checked);
          }}
        />
        <span>Show names to the class</span>
      </label>
      {settings.isError ? (
        <p className="error" role="alert">
          {describeApiError(settings.error)}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The wall of open responses: every student's answer to the discussion prompts, arriving live,
 * with the teacher's moderation (hide from the class, spotlight) and a filter and search.
 */
export function ResponseWall({
  sessionId,
  lesson,
  showNames,
  isEnded,
}: {
  readonly sessionId: string;
  readonly lesson: Lesson;
  readonly showNames: boolean;
  readonly isEnded: boolean;
}) {
  const headingId = useId();
  const itemFieldId = useId();
  const searchId = useId();
  const [itemId, setItemId] = useState('');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);
  const responses = useQuery(teacherResponsesQuery(sessionId, { itemId, q }));
  const questionOf = (id: string) => {
    for (const section of lesson.sections) {
      const item = section.items.find((i) => i.id === id);
      if (item?.kind === 'prompt') return item.question;
    }
    return id;
  };
  const list = responses.data?.responses ?? [];
  return (
    <section className="panel response-wall" aria-labelledby={headingId}>
      <h2 id={headingId}>Response wall</h2>
      <p className="hint">
        Students see their classmates’ responses once you reveal a prompt’s results. Hidden ones
        stay off their wall; spotlighted ones also go on the projector.
      </p>
      <ShowNamesToggle sessionId={sessionId} showNames={showNames} isEnded={isEnded} />
      <div className="wall-filters">
        <div className="form-field">
          <label htmlFor={itemFieldId}>Prompt</label>
          <select
            id={itemFieldId}
            className="text-input"
            value={itemId}
            onChange={(event) => {
              setItemId(event.target.value);
            }}
          >
            <option value="">All prompts</option>
            {lesson.sections.map((section) => {
              const prompts = section.items.filter((i) => i.kind === 'prompt');
              return prompts.length > 0 ? (
                <optgroup key={section.id} label={section.title}>
                  {prompts.map((item) => (
                    <option key={item.id} value={item.id}>
                      {item.question}
                    </option>
                  ))}
                </optgroup>
              ) : null;
            })}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={searchId}>Search responses</label>
          <input
            id={searchId}
            type="search"
            className="text-input"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
            }}
          />
        </div>
      </div>
      {responses.isPending ? (
        <p role="status">Loading the responses…</p>
      ) : responses.isError && list.length === 0 ? (
        <p className="error" role="alert">
          The responses could not be loaded: {describeApiError(responses.error)}
        </p>
      ) : (
        <>
          <p role="status" className="hint">
            {list.length === 0
              ? q.trim() !== '' || itemId !== ''
                ? 'No response matches.'
                : 'No responses yet.'
              : `${list.length} ${list.length === 1 ? 'response' : 'responses'}${
                  responses.data?.showNames === false ? '; names are hidden from the class' : ''
                }.`}
          </p>
          {list.length > 0 ? (
            <ul className="wall-list" aria-label="Responses">
              {list.map((response) => (
                <ResponseCard
                  key={response.responseId}
                  sessionId={sessionId}
                  response={response}
                  question={itemId === '' ? questionOf(response.itemId) : null}
                  isEnded={isEnded}
                />
              ))}
            </ul>
          ) : null}
        </>
      )}
    </section>
  );
}
