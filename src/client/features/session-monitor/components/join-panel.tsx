import type { SessionSummary } from '#domain/api/live-contracts';

/** What the class needs to join: the code in large type, the link and its QR code. */
export function JoinPanel({
  session,
  joinUrl,
}: {
  readonly session: SessionSummary;
  readonly joinUrl: string;
}) {
  const link = joinUrl || `${window.location.origin}/join?code=${session.joinCode}`;
  return (
    <section className="panel join-panel" aria-labelledby="join-heading">
      <h2 id="join-heading">Join this session</h2>
      <div className="join-details">
        <div>
          <p className="join-code-label">Join code</p>
          <p className="join-code">{session.joinCode}</p>
          <p>
            Or open <a href={link}>{link}</a>
          </p>
        </div>
        <img
          className="qr"
          src={`/api/sessions/${encodeURIComponent(session.id)}/qr.svg`}
          alt={`QR code to join session ${session.joinCode}`}
          width={180}
          height={180}
        />
      </div>
    </section>
  );
}
