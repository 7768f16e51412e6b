import { useEffect, useId, useRef, useState } from 'react';
import type { StudentSection as Section } from '#domain/lesson/answer-key-schemas';
import type { ClassWallResponse } from '#domain/api/dashboard-contracts';
import type { StudentSessionView } from '#domain/api/live-contracts';
import { countReplies, WALL_REPLY_KIND_LABELS } from '#domain/live/wall-replies';
import { WallReplyForm } from './wall-reply-form';

/** Spotlighted responses first, then the newest. */
function byPriority(a: ClassWallResponse, b: ClassWallResponse): number {
  if (a.isSpotlighted !== b.isSpotlighted) return a.isSpotlighted ? -1 : 1;
  return b.updatedAt.localeCompare(a.updatedAt);
}

/** What the student is told about how the class sees them. */
function describeIdentity(identity: StudentSessionView['wallIdentity']): string {
  switch (identity.mode) {
    case 'names':
      return 'Your classmates see your name on the wall.';
    case 'pseudonyms':
      return identity.myPseudonym
        ? `Your classmates see you as ${identity.myPseudonym}.`
        : 'Your classmates see a made-up name for you.';
    case 'anonymous':
      return 'Your classmates do not see your name on the wall.';
  }
}

function ReplyThread({
  replies,
  isMine,
}: {
  readonly replies: ClassWallResponse['replies'];
  readonly isMine: boolean;
}) {
  if (replies.length === 0) return null;
  const fromOthers = replies.filter((r) => !r.isMine).length;
  return (
    <>
      {/* Not a live region: the page's announcer says a new reply to the student's response. */}
      {isMine && fromOthers > 0 ? (
        <p className="wall-reply-count">{countReplies(fromOthers)} to your response</p>
      ) : null}
      <ul className="wall-replies" aria-label={isMine ? 'Replies to your response' : 'Replies'}>
        {replies.map((reply) => {
          const who = reply.isMine ? 'You' : (reply.label ?? 'A classmate');
          return (
            <li
              key={reply.replyId}
              className="wall-reply"
              aria-label={reply.isMine ? 'Your reply' : `Reply by ${who}`}
            >
              <p className="wall-reply-meta">
                <span className="pill">{WALL_REPLY_KIND_LABELS[reply.kind]}</span> {who}
              </p>
              <p className="wall-text">{reply.text}</p>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function ResponseCard({
  sessionId,
  response,
  canReply,
}: {
  readonly sessionId: string;
  readonly response: ClassWallResponse;
  readonly canReply: boolean;
}) {
  const [isReplying, setIsReplying] = useState(false);
  const [isSent, setIsSent] = useState(false);
  const replyButtonRef = useRef<HTMLButtonElement>(null);
  // Set as the form closes: once the button is back in the page, focus goes to it.
  const isFocusOwed = useRef(false);
  useEffect(() => {
    if (isReplying || !isFocusOwed.current) return;
    isFocusOwed.current = false;
    replyButtonRef.current?.focus();
  }, [isReplying]);
  const author = response.isMine ? 'You' : response.label;
  const name = response.isMine ? 'Your response' : `Response by ${response.label ?? 'a classmate'}`;
  return (
    <li
      className={response.isSpotlighted ? 'wall-card wall-card-spotlight' : 'wall-card'}
      aria-label={name}
    >
      {response.isHidden ? (
        <p className="wall-flag">
          Hidden by your teacher: your classmates no longer see this response.
        </p>
      ) : response.isSpotlighted ? (
        <p className="wall-flag">
          <span aria-hidden="true">★ </span>Spotlighted by your teacher
        </p>
      ) : null}
      <p className="wall-text">{response.text}</p>
      {author ? <p className="wall-author">{author}</p> : null}
      <ReplyThread replies={response.replies} isMine={response.isMine} />
      {canReply && !response.isMine ? (
        <>
          {isReplying ? null : (
            <button
              ref={replyButtonRef}
              type="button"
              className="button button-small"
              onClick={() => {
                setIsSent(false);
                setIsReplying(true);
              }}
            >
              Reply
            </button>
          )}
          {isReplying ? (
            <WallReplyForm
              sessionId={sessionId}
              responseId={response.responseId}
              author={response.label ?? 'a classmate'}
              onClose={(sent) => {
                // The form goes: focus goes back to the button that opened it.
                isFocusOwed.current = true;
                setIsReplying(false);
                setIsSent(sent);
              }}
            />
          ) : null}
          <p role="status" className="hint">
            {isSent ? 'Reply sent.' : ''}
          </p>
        </>
      ) : null}
    </li>
  );
}

/**
 * The class's wall for the current section: classmates' responses to the discussion prompts the
 * teacher revealed, less the ones the teacher hid, each author as the teacher chose (names,
 * pseudonyms or none), with the replies under each. A revealed prompt the student has not
 * answered says so: its responses come once they have (the server sends none before).
 */
export function ClassWall({
  sessionId,
  section,
  wall,
  wallIdentity,
  awaitingAnswer,
  isEnded,
}: {
  readonly sessionId: string;
  readonly section: Section;
  readonly wall: readonly ClassWallResponse[];
  readonly wallIdentity: StudentSessionView['wallIdentity'];
  /** Revealed prompts this student has not answered yet. */
  readonly awaitingAnswer: ReadonlySet<string>;
  readonly isEnded: boolean;
}) {
  const headingId = useId();
  const prompts = section.items.flatMap((item) => {
    if (item.kind !== 'prompt') return [];
    // The server sends a hidden response to its author alone, who is told it was hidden.
    const responses = wall
      .filter((r) => r.itemId === item.id && (!r.isHidden || r.isMine))
      .sort(byPriority);
    return responses.length > 0 || awaitingAnswer.has(item.id) ? [{ item, responses }] : [];
  });
  if (prompts.length === 0) return null;
  return (
    <section className="class-wall" aria-labelledby={headingId}>
      <h2 id={headingId}>Class wall</h2>
      <p className="hint">{describeIdentity(wallIdentity)}</p>
      {prompts.map(({ item, responses }) => (
        <div key={item.id} className="wall-group">
          <h3 className="wall-question">{item.question}</h3>
          {responses.length === 0 ? (
            <p className="hint">Answer this question to see what your classmates wrote.</p>
          ) : null}
          <ul className="wall-list" aria-label={`Responses: ${item.question}`}>
            {responses.map((response) => (
              <ResponseCard
                key={response.responseId}
                sessionId={sessionId}
                response={response}
                canReply={!isEnded}
              />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
