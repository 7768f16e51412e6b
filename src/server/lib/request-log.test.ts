import { describe, expect, it } from 'vitest';
import { redactUrl, requestLogSerializer } from './request-log';

describe('the request log', () => {
  it('leaves out join codes, search texts and tokens, and keeps the rest of the URL', () => {
    expect(redactUrl('/api/join/ABC234')).toBe('/api/join/[redacted]');
    expect(redactUrl('/join/ABC234?from=qr')).toBe('/join/[redacted]?from=qr');
    expect(redactUrl('/join?code=ABC234')).toBe('/join?code=[redacted]');
    expect(redactUrl('/api/sessions/3f0c/responses?itemId=thesis&q=my%20brother%27s%20name')).toBe(
      '/api/sessions/3f0c/responses?itemId=thesis&q=[redacted]',
    );
    expect(redactUrl('/teach/reset-password?token=s3cr3t#top')).toBe(
      '/teach/reset-password?token=[redacted]#top',
    );
    expect(redactUrl('/api/join')).toBe('/api/join');
    expect(redactUrl('/api/sessions/3f0c/report?quality=1')).toBe(
      '/api/sessions/3f0c/report?quality=1',
    );
  });

  it('logs no client address, only a hash that tells clients apart', () => {
    const serialize = requestLogSerializer();
    const first = serialize({ method: 'GET', url: '/api/join/ABC234', ip: '203.0.113.7' });
    const again = serialize({ method: 'POST', url: '/api/join', ip: '203.0.113.7' });
    const other = serialize({ method: 'GET', url: '/', ip: '203.0.113.8' });

    expect(first).toEqual({ method: 'GET', url: '/api/join/[redacted]', client: first.client });
    const logged = JSON.stringify([first, again, other]);
    expect(logged).not.toContain('203.0.113');
    expect(logged).not.toContain('ABC234');
    expect(again.client).toBe(first.client);
    expect(other.client).not.toBe(first.client);
    // Another run's key gives another hash: logs cannot be joined across runs by address.
    expect(requestLogSerializer()({ method: 'GET', url: '/', ip: '203.0.113.7' }).client).not.toBe(
      first.client,
    );
  });
});
