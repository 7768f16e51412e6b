import { useId, useState } from 'react';
import { auditCsvPath } from '../api/admin-api';

/**
 * The audit trail's download: who signed in, viewed, exported or deleted students' data, as CSV,
 * for a chosen span of days (empty: everything kept).
 */
export function AuditTrailPanel() {
  const headingId = useId();
  const sinceId = useId();
  const untilId = useId();
  const errorId = useId();
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const isBackwards = since !== '' && until !== '' && since > until;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Audit trail</h2>
      <p>
        Every sign-in, failed sign-in, report viewed, export and deletion of students&apos; data,
        and every administrator&apos;s action, as CSV. Rows name teachers, sessions and students by
        keyed hashes; accounts and sessions that still exist are named beside them.
      </p>
      <div className="field">
        <label htmlFor={sinceId}>From (UTC day)</label>
        <input
          id={sinceId}
          type="date"
          value={since}
          aria-describedby={isBackwards ? errorId : undefined}
          aria-invalid={isBackwards || undefined}
          onChange={(event) => {
            setSince(event.target.value);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={untilId}>To (UTC day)</label>
        <input
          id={untilId}
          type="date"
          value={until}
          onChange={(event) => {
            setUntil(event.target.value);
          }}
        />
      </div>
      {isBackwards ? (
        <p id={errorId} role="alert" className="error">
          The first day is after the last: change one of them.
        </p>
      ) : (
        <p>
          <a
            className="button"
            href={auditCsvPath({ since: since || undefined, until: until || undefined })}
            download
          >
            Download the audit trail (CSV)
          </a>
        </p>
      )}
    </section>
  );
}
