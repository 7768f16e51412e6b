import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ConfirmButton } from '#shared/components/confirm-button';
import { storeSessionView } from '#shared/lib/teacher-sessions';
import { changeSessionSettings } from '../api/session-monitor-api';

/**
 * "Names hidden from me too", for discussions of political opinions (PPRA): the teacher's own
 * wall, projector and report show authors as pseudonyms or nothing, and the opinion map's
 * groups without names. One way: turning it off would reveal who wrote what under it.
 */
export function NamesHiddenChoice({
  sessionId,
  isHidden,
  isEnded,
}: {
  readonly sessionId: string;
  readonly isHidden: boolean;
  readonly isEnded: boolean;
}) {
  const queryClient = useQueryClient();
  const hide = useMutation({
    mutationFn: () => changeSessionSettings(sessionId, { namesHiddenFromTeacher: true }),
    onSuccess: (view) => {
      storeSessionView(queryClient, view);
    },
  });
  if (isHidden) {
    return (
      <p className="notice" role="status">
        Names are hidden from you too in this session: the wall, the projector, the report and the
        opinion map show pseudonyms or nothing, and one student’s answers and the answers CSV leave
        out their discussion-prompt answers. This cannot be turned off.
      </p>
    );
  }
  if (isEnded) return null;
  return (
    <div className="names-hidden-choice">
      <p className="hint">
        For opinions a student may not want their teacher to know (political views), you can hide
        the names from yourself too. It cannot be turned off afterwards, so that answers given under
        it stay unnamed.
      </p>
      <ConfirmButton
        className="button button-small"
        isPending={hide.isPending}
        error={hide.error}
        title="Hide names from you too?"
        message="From now on the wall, the projector, the report and the opinion map show you pseudonyms or nothing instead of names, for every answer, including those already given; one student's answers and the answers CSV leave out their discussion-prompt answers. This cannot be turned off for this session."
        confirmLabel="Hide names from me"
        onConfirm={() => {
          hide.mutate();
        }}
      >
        Hide names from me too
      </ConfirmButton>
    </div>
  );
}
