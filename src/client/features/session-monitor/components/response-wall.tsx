import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import type { Lesson } from '#domain/lesson/lesson-schema';
import type {
  ModerateResponseRequest,
  TeacherWallReply,
  TeacherWallResponse,
} from '#domain/api/dashboard-contracts';
import {
  WALL_IDENTITIES,
  WALL_IDENTITY_HINTS,
  WALL_IDENTITY_LABELS,
  type WallIdentity,
} from '#domain/live/wall-identity';
import { countReplies, WALL_REPLY_KIND_LABELS } from '#domain/live/wall-replies';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import { useDebouncedValue } from '#shared/hooks/use-debounced-value';
import {
  changeSessionSettings,
  moderateReply,
  moderateResponse,
  storeWallReply,
  storeWallResponse,
  teacherResponsesQuery,
} from '../api/session-monitor-api';
import { storeSessionView } from '#shared/lib/teacher-sessions';
import { NamesHiddenChoice } from './names-hidden-choice';
import { heldNotice, pausedWall, snapshotOf, type WallSnapshot } from '../lib/paused-wall';

const SEARCH_DEBOUNCE_MS = 300;

/**
 * A moderation toggle: aria-disabled, not disabled, while a change is on its way, so the focus
 * stays on it for the next press.
 */
function ModerationButton({
  name,
  isPending,
  onClick,
  children,
}: {
  readonly name: string;
  readonly isPending: boolean;
  readonly onClick: () => void;
  readonly children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="button button-small"
      aria-label={name}
      aria-disabled={isPending}
      onClick={() => {
        if (!isPending) onClick();
      }}
    >
      {children}
    </button>
  );
}

function ReplyItem({
  sessionId,
  reply,
  isEnded,
}: {
  readonly sessionId: string;
  readonly reply: TeacherWallReply;
  readonly isEnded: boolean;
}) {
  const queryClient = useQueryClient();
  const moderation = useMutation({
    mutationFn: (isHidden: boolean) => moderateReply(sessionId, reply.replyId, { isHidden }),
    onSuccess: (updated) => {
      storeWallReply(queryClient, sessionId, updated);
    },
  });
  const who = reply.label ?? 'a student';
  return (
    <li
      className={reply.isHidden ? 'wall-reply wall-card-hidden' : 'wall-reply'}
      aria-label={`Reply by ${who}`}
    >
      <p className="wall-reply-meta">
        <span className="pill">{WALL_REPLY_KIND_LABELS[reply.kind]}</span> {who}
        {reply.pseudonym ? <span className="wall-pseudonym"> (as {reply.pseudonym})</span> : null}
        {reply.isHidden ? <span className="pill">Hidden from the class</span> : null}
      </p>
      <p className="wall-text">{reply.text}</p>
      {isEnded ? null : (
        <ModerationButton
          name={`${reply.isHidden ? 'Show' : 'Hide'} the reply by ${who}`}
          isPending={moderation.isPending}
          onClick={() => {
            moderation.mutate(!reply.isHidden);
          }}
        >
          {reply.isHidden ? 'Show' : 'Hide'}
        </ModerationButton>
      )}
      <ApiErrorAlert error={moderation.error} />
    </li>
  );
}

// The moderation buttons say they are busy with aria-disabled rather than disabled: a disabled
// button loses the focus, which falls to the page, and the teacher's place with it.
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
  const hiddenReplies = response.replies.filter((r) => r.isHidden).length;
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
      {response.pseudonym ? (
        <p className="wall-pseudonym">The class sees {response.pseudonym}</p>
      ) : null}
      {question ? <p className="wall-question-small">{question}</p> : null}
      <p className="wall-text">{response.text}</p>
      {isEnded ? null : (
        <div className="button-row">
          <ModerationButton
            name={`${response.isHidden ? 'Show' : 'Hide'} the response by ${who}`}
            isPending={moderation.isPending}
            onClick={() => {
              moderation.mutate({ isHidden: !response.isHidden });
            }}
          >
            {response.isHidden ? 'Show' : 'Hide'}
          </ModerationButton>
          <ModerationButton
            name={`${response.isSpotlighted ? 'Remove spotlight from' : 'Spotlight'} the response by ${who}`}
            isPending={moderation.isPending}
            onClick={() => {
              moderation.mutate({ isSpotlighted: !response.isSpotlighted });
            }}
          >
            {response.isSpotlighted ? 'Remove spotlight' : 'Spotlight'}
          </ModerationButton>
        </div>
      )}
      <ApiErrorAlert error={moderation.error} />
      {response.replies.length > 0 ? (
        <>
          <p className="wall-reply-count">
            {countReplies(response.replies.length)}
            {hiddenReplies > 0 ? ` (${hiddenReplies} hidden)` : ''}
          </p>
          <ul className="wall-replies" aria-label={`Replies to ${who}`}>
            {response.replies.map((reply) => (
              <ReplyItem
                key={reply.replyId}
                sessionId={sessionId}
                reply={reply}
                isEnded={isEnded}
              />
            ))}
          </ul>
        </>
      ) : null}
    </li>
  );
}

function WallIdentityChoice({
  sessionId,
  wallIdentity,
  namesHidden,
  isEnded,
}: {
  readonly sessionId: string;
  readonly wallIdentity: WallIdentity;
  readonly namesHidden: boolean;
  readonly isEnded: boolean;
}) {
  const queryClient = useQueryClient();
  const hintId = useId();
  // What the teacher asked for, shown at once (a controlled group would flick back until the
  // mutation's state arrives); cleared when the server's answer is in the cache.
  const [requested, setRequested] = useState<WallIdentity | null>(null);
  const settings = useMutation({
    mutationFn: (next: WallIdentity) => changeSessionSettings(sessionId, { wallIdentity: next }),
    onSuccess: (view) => {
      storeSessionView(queryClient, view);
    },
    onSettled: () => {
      setRequested(null);
    },
  });
  const chosen = requested ?? wallIdentity;
  return (
    <fieldset className="form-field wall-identity" aria-describedby={hintId}>
      <legend>Classmates see each other as</legend>
      <div className="choices inline">
        {WALL_IDENTITIES.map((identity) => (
          <label key={identity} className="choice">
            <input
              type="radio"
              name={`wall-identity-${sessionId}`}
              value={identity}
              checked={chosen === identity}
              disabled={isEnded || requested !== null}
              onChange={() => {
                setRequested(identity);
                settings.mutate(identity);
              }}
            />
            <span>{WALL_IDENTITY_LABELS[identity]}</span>
          </label>
        ))}
      </div>
      <p id={hintId} className="hint">
        {WALL_IDENTITY_HINTS[chosen]}{' '}
        {namesHidden ? 'Names show as pseudonyms, to you too.' : 'You always see names.'}
      </p>
      <ApiErrorAlert error={settings.error} />
    </fieldset>
  );
}

const IDENTITY_NOTES: Readonly<Record<WallIdentity, string>> = {
  names: '',
  pseudonyms: '; the class sees pseudonyms',
  anonymous: '; names are hidden from the class',
};

/**
 * The wall of open responses: every student's answer to the discussion prompts, arriving live,
 * with the teacher's moderation (hide from the class, spotlight) and a filter and search.
 */
export function ResponseWall({
  sessionId,
  lesson,
  wallIdentity,
  namesHiddenFromTeacher,
  isEnded,
}: {
  readonly sessionId: string;
  readonly lesson: Lesson;
  readonly wallIdentity: WallIdentity;
  readonly namesHiddenFromTeacher: boolean;
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
  const all = responses.data?.responses ?? [];
  // Paused, the wall keeps what it showed; what arrives is held and counted (WCAG 2.2.2).
  const [snapshot, setSnapshot] = useState<WallSnapshot | null>(null);
  const paused = snapshot ? pausedWall(all, snapshot) : null;
  const list = paused ? paused.shown : all;
  return (
    <section className="panel response-wall" aria-labelledby={headingId}>
      <h2 id={headingId}>Response wall</h2>
      <p className="hint">
        Students see their classmates’ responses once you reveal a prompt’s results, and can reply
        to them. Hidden responses and replies stay off their wall; spotlighted responses also go on
        the projector.
      </p>
      <WallIdentityChoice
        sessionId={sessionId}
        wallIdentity={wallIdentity}
        namesHidden={namesHiddenFromTeacher}
        isEnded={isEnded}
      />
      <NamesHiddenChoice
        sessionId={sessionId}
        isHidden={namesHiddenFromTeacher}
        isEnded={isEnded}
      />
      <div className="button-row wall-pause">
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            setSnapshot(snapshot ? null : snapshotOf(all));
          }}
        >
          {snapshot ? 'Resume wall' : 'Pause wall'}
        </button>
        {paused ? (
          <p className="hint" role="status">
            {heldNotice(paused.held)}
          </p>
        ) : null}
      </div>
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
        <ApiErrorAlert error={responses.error} lead="The responses could not be loaded: " />
      ) : (
        <>
          <p role="status" className="hint">
            {list.length === 0
              ? q.trim() !== '' || itemId !== ''
                ? 'No response matches.'
                : 'No responses yet.'
              : `${list.length} ${list.length === 1 ? 'response' : 'responses'}${
                  responses.data ? IDENTITY_NOTES[responses.data.wallIdentity] : ''
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
