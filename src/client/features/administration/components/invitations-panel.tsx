import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type SyntheticEvent } from 'react';
import type { Invitation, InviteResponse } from '#domain/api/admin-contracts';
import { LIMITS } from '#domain/live/live-constants';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import { queryKeys } from '#shared/lib/query-keys';
import { invite, revokeInvitation } from '../api/admin-api';

const day = (iso: string) => iso.slice(0, 10);

/** The link of an invitation just made, to copy and give the invited person. */
function InvitationLink({ made }: { readonly made: InviteResponse }) {
  const linkId = useId();
  const [copied, setCopied] = useState<string | null>(null);
  const copy = () => {
    navigator.clipboard.writeText(made.url).then(
      () => {
        setCopied('Copied.');
      },
      () => {
        setCopied('Could not copy: select the link and copy it yourself.');
      },
    );
  };
  return (
    <div className="notice" role="status">
      <p>
        {made.invitation.email} is invited until {day(made.invitation.expiresAt)}.
        {made.isSentByEmail ? ' The link went to them by e-mail too.' : ''} The link works once; it
        is not shown again.
      </p>
      <div className="form-field">
        <label htmlFor={linkId}>Invitation link for {made.invitation.email}</label>
        <input id={linkId} className="text-input" readOnly value={made.url} />
      </div>
      <button type="button" className="button button-small" onClick={copy}>
        Copy the link
      </button>
      {copied ? <span> {copied}</span> : null}
    </div>
  );
}

function InviteForm() {
  const headingId = useId();
  const errorId = useId();
  const emailId = useId();
  const hintId = useId();
  const [email, setEmail] = useState('');
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: invite,
    onSuccess: () => {
      setEmail('');
      void queryClient.invalidateQueries({ queryKey: queryKeys.teacherAccounts() });
    },
  });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    mutation.mutate(email.trim());
  };
  return (
    <form className="panel" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h2 id={headingId}>Invite a teacher</h2>
      <div className="form-field">
        <label htmlFor={emailId}>E-mail of the teacher to invite</label>
        <input
          id={emailId}
          className="text-input"
          type="email"
          name="email"
          autoComplete="off"
          required
          maxLength={LIMITS.emailLength}
          value={email}
          aria-invalid={mutation.isError}
          aria-describedby={mutation.isError ? `${hintId} ${errorId}` : hintId}
          onChange={(event) => {
            setEmail(event.target.value);
          }}
        />
        <p id={hintId} className="hint">
          They get a link that opens their account, valid for 14 days.
        </p>
      </div>
      <ApiErrorAlert id={errorId} error={mutation.error} />
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {mutation.isPending ? 'Inviting…' : 'Invite'}
      </button>
      {mutation.data ? <InvitationLink made={mutation.data} /> : null}
    </form>
  );
}

function PendingInvitations({ invitations }: { readonly invitations: readonly Invitation[] }) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: revokeInvitation,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.teacherAccounts() }),
  });
  return (
    <section aria-labelledby="pending-invitations">
      <h2 id="pending-invitations">Pending invitations ({invitations.length})</h2>
      {invitations.length === 0 ? (
        <p>No pending invitations.</p>
      ) : (
        <ul className="invitation-list">
          {invitations.map((invitation) => (
            <li key={invitation.id}>
              <span>
                {invitation.email}, until {day(invitation.expiresAt)}
                {invitation.invitedBy ? ` (by ${invitation.invitedBy})` : ''}
              </span>{' '}
              <button
                type="button"
                className="button button-small"
                aria-label={`Revoke: ${invitation.email}`}
                disabled={mutation.isPending}
                onClick={() => {
                  mutation.mutate(invitation.id);
                }}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      <ApiErrorAlert error={mutation.error} lead="Could not revoke: " />
    </section>
  );
}

/** Inviting teachers, and the invitations not yet accepted. */
export function InvitationsPanel({ invitations }: { readonly invitations: readonly Invitation[] }) {
  return (
    <>
      <InviteForm />
      <PendingInvitations invitations={invitations} />
    </>
  );
}
