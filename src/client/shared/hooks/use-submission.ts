import { useState } from 'react';

type SubmissionState =
  { readonly status: 'idle' | 'pending' } | { readonly status: 'failed'; readonly error: unknown };

/**
 * A form's one request, for pages that load no TanStack Query (/join, a signed-out /teach):
 * pending while it is sent, the error when it failed, `onDone` with the answer when it worked.
 */
export function useSubmission<Request, Result>(
  send: (request: Request) => Promise<Result>,
  onDone: (result: Result) => void,
) {
  const [state, setState] = useState<SubmissionState>({ status: 'idle' });
  return {
    isPending: state.status === 'pending',
    isError: state.status === 'failed',
    error: state.status === 'failed' ? state.error : null,
    submit(request: Request) {
      setState({ status: 'pending' });
      send(request).then(
        (result) => {
          setState({ status: 'idle' });
          onDone(result);
        },
        (error: unknown) => {
          setState({ status: 'failed', error });
        },
      );
    },
    reset() {
      setState({ status: 'idle' });
    },
  };
}
