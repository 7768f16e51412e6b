import { describe, expect, it } from 'vitest';
import { isNonCanonicalPath } from './api-paths';

describe('isNonCanonicalPath', () => {
  it('finds letters, digits and -._~ spelled in percent-encoding, in any case', () => {
    for (const url of [
      '/%61pi/x',
      '/%41PI',
      '/api/%73essions',
      '/api/x%2dy',
      '/api/%7e',
      '/a%5Fb',
    ]) {
      expect(isNonCanonicalPath(url), url).toBe(true);
    }
  });

  it('leaves plain paths, reserved or non-ASCII encodings and the query alone', () => {
    for (const url of [
      '/api/sessions/1',
      '/api/join/%E2%9C%93',
      '/a%2Fb',
      '/a%20b',
      '/api/x?q=%61',
    ]) {
      expect(isNonCanonicalPath(url), url).toBe(false);
    }
  });
});
