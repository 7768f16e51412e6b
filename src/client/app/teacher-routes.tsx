import { lazy, Suspense, useEffect, useState } from 'react';
import type { Teacher } from '#domain/api/live-contracts';
import { readSignedInTeacher } from '../features/account/api/sign-in-api';
import { SignedOutIntro } from '../features/account/components/auth-forms';
import { onAccountChange } from '../features/account/lib/account-channel';
import '#shared/styles/teacher.css';
import type { TeacherRoute } from './route-areas';

// The teacher's pages proper, with TanStack Query and the API's schemas: a teacher who is not
// signed in sees /teach (what it is for, sign in, sign up) without downloading them.
const TeacherArea = lazy(async () => ({ default: (await import('./teacher-area')).TeacherArea }));

type SignedIn =
  { readonly status: 'checking' } | { readonly status: 'known'; readonly teacher: Teacher | null };

function Loading() {
  return (
    <p role="status" className="loading">
      Loading…
    </p>
  );
}

/** The teacher's pages, loaded only when a teacher opens /teach. */
export function TeacherRoutes({ route }: { readonly route: TeacherRoute }) {
  const [signedIn, setSignedIn] = useState<SignedIn>({ status: 'checking' });
  // Once shown, the teacher's pages stay: they follow signing out and in themselves.
  const [showsArea, setShowsArea] = useState(route.name !== 'teach');
  const wantsArea =
    route.name !== 'teach' || (signedIn.status === 'known' && signedIn.teacher !== null);
  if (wantsArea && !showsArea) setShowsArea(true);

  useEffect(() => {
    if (showsArea) return undefined;
    let isCurrent = true;
    const check = () => {
      readSignedInTeacher().then(
        (teacher) => {
          if (isCurrent) setSignedIn({ status: 'known', teacher });
        },
        () => {
          // The teacher's pages say what went wrong, with a way to try again.
          if (isCurrent) setShowsArea(true);
        },
      );
    };
    check();
    // Signed in in another tab: this one follows.
    const stopFollowing = onAccountChange(check);
    return () => {
      isCurrent = false;
      stopFollowing();
    };
  }, [showsArea]);

  if (showsArea || wantsArea) {
    return (
      <Suspense fallback={<Loading />}>
        <TeacherArea
          route={route}
          knownTeacher={signedIn.status === 'known' ? signedIn.teacher : undefined}
        />
      </Suspense>
    );
  }
  return (
    <>
      <title>For teachers</title>
      <h1>For teachers</h1>
      {signedIn.status === 'checking' ? (
        <Loading />
      ) : (
        <SignedOutIntro
          onSignedIn={(teacher) => {
            setSignedIn({ status: 'known', teacher });
          }}
        />
      )}
    </>
  );
}
