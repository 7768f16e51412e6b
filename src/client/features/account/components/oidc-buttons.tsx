import { useEffect, useState } from 'react';
import { readOidcProviders } from '../api/sign-in-api';

type Providers = { readonly id: string; readonly name: string }[];

/** The providers, asked once per page load and shared by the sign-in and sign-up forms. */
let providersOnce: Promise<Providers> | null = null;
const loadProviders = () => {
  providersOnce ??= readOidcProviders().catch((error: unknown) => {
    providersOnce = null;
    throw error;
  });
  return providersOnce;
};

/**
 * "Sign in with Google" (Microsoft, or the school's own provider): links, so the browser goes to
 * the provider and back as a page, for the providers this server is set up with; nothing when
 * it has none. `purpose` says whether the form beside it signs in or up.
 */
export function OidcButtons({ purpose }: { readonly purpose: 'sign in' | 'sign up' }) {
  const [providers, setProviders] = useState<Providers | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    loadProviders().then(
      (loaded) => {
        if (isCurrent) setProviders(loaded);
      },
      () => {
        if (isCurrent) {
          setFailure(
            'The sign-in buttons for school accounts could not be loaded. Reload the page to try again.',
          );
        }
      },
    );
    return () => {
      isCurrent = false;
    };
  }, []);
  if (failure) return <p className="hint">{failure}</p>;
  if (!providers || providers.length === 0) return null;
  const verb = purpose === 'sign in' ? 'Sign in' : 'Sign up';
  return (
    <div className="oidc-buttons">
      <p className="hint">Or with your school account:</p>
      <ul>
        {providers.map((provider) => (
          <li key={provider.id}>
            <a className="button" href={`/api/auth/oidc/${encodeURIComponent(provider.id)}/start`}>
              {verb} with {provider.name}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
