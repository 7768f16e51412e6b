/**
 * Keeps cookies the way a browser does for the API tests and the bench: by name, sent only
 * under their path, dropped when the server expires them.
 */
export class CookieJar {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  header(urlPath: string): string {
    return [...this.cookies.entries()]
      .filter(([, c]) => urlPath.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
  }

  keep(setCookie: readonly string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const [pair = '', ...attributes] = line.split(';').map((p) => p.trim());
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const pathAttribute = attributes.find((a) => a.toLowerCase().startsWith('path='));
      const cookiePath = pathAttribute ? pathAttribute.slice(5) : '/';
      const isExpired =
        attributes.some((a) => /^expires=thu, 01 jan 1970/i.test(a)) || value === '';
      if (isExpired) this.cookies.delete(name);
      else this.cookies.set(name, { value, path: cookiePath });
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name)?.value;
  }
}
