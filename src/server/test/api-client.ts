import type { ApiErrorBody } from '../../domain/live/api-error';

export interface ApiResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/**
 * One browser-like client for API tests: keeps its cookies (respecting their paths) and sends
 * the CSRF header on writes, as the real client does.
 */
export class ApiClient {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  constructor(readonly baseUrl: string) {}

  private cookieHeader(urlPath: string): string {
    return [...this.cookies.entries()]
      .filter(([, c]) => urlPath.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
  }

  private keepCookies(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((p) => p.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const pathAttribute = attributes.find((a) => a.toLowerCase().startsWith('path='));
      const cookiePath = pathAttribute ? pathAttribute.slice(5) : '/';
      const isExpired =
        attributes.some((a) => /^expires=thu, 01 jan 1970/i.test(a)) || value === '';
      const key = name;
      if (isExpired) this.cookies.delete(key);
      else this.cookies.set(key, { value, path: cookiePath });
    }
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name)?.value;
  }

  async request<T = unknown>(
    method: string,
    urlPath: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    if (method !== 'GET' && !this.cookies.has('csrf')) await this.request('GET', '/api/csrf');
    const headers: Record<string, string> = { ...extraHeaders };
    const cookie = this.cookieHeader(urlPath);
    if (cookie) headers.cookie = cookie;
    if (method !== 'GET') headers['x-csrf-token'] = this.cookies.get('csrf')?.value ?? '';
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${urlPath}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    this.keepCookies(response.headers);
    const text = await response.text();
    const parsed: unknown =
      text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = unknown>(urlPath: string) {
    return this.request<T>('GET', urlPath);
  }

  post<T = unknown>(urlPath: string, body?: unknown) {
    return this.request<T>('POST', urlPath, body ?? {});
  }

  put<T = unknown>(urlPath: string, body?: unknown) {
    return this.request<T>('PUT', urlPath, body);
  }

  delete<T = unknown>(urlPath: string) {
    return this.request<T>('DELETE', urlPath);
  }
}

export function errorOf(response: ApiResponse): ApiErrorBody['error'] {
  return (response.body as ApiErrorBody).error;
}
