import { useEffect, useState } from 'react';
import { endpoints } from '#domain/api/endpoints';
import { callEndpoint } from '#shared/lib/call-endpoint';

type DataPolicyAnswer = Awaited<ReturnType<typeof fetchDataPolicy>>;

function fetchDataPolicy() {
  return callEndpoint(endpoints.dataPolicy);
}

/**
 * This server's retention settings, which the privacy pages state instead of the defaults.
 * A plain request, not TanStack Query: the document pages render outside the live areas and
 * their QueryClient (and a set-at-start setting needs no cache).
 */
export function useDataPolicy(): DataPolicyAnswer | undefined {
  const [policy, setPolicy] = useState<DataPolicyAnswer>();
  useEffect(() => {
    let isCurrent = true;
    fetchDataPolicy().then(
      (answer) => {
        if (isCurrent) setPolicy(answer);
      },
      // Offline or refused: the pages keep their wording for the defaults.
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, []);
  return policy;
}

export type DataPolicy = DataPolicyAnswer;
