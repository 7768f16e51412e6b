import { describe, expect, it } from 'vitest';
import { checkArticleAddress } from './article-address';

describe('checkArticleAddress', () => {
  it.each([
    [
      'an http or https address as it is',
      ' https://news.example.org/a/story?id=3 ',
      'https://news.example.org/a/story?id=3',
    ],
    [
      'an http or https address as it is',
      'http://127.0.0.1:4305/article',
      'http://127.0.0.1:4305/article',
    ],
    [
      'an address without its scheme as https',
      'www.example.org/story',
      'https://www.example.org/story',
    ],
    [
      'an address without its scheme as https',
      'example.org:8080/story',
      'https://example.org:8080/story',
    ],
  ])('takes %s: %j', (_rule, typed, url) => {
    expect(checkArticleAddress(typed)).toEqual({ ok: true, url });
  });

  it('asks for an address when there is none', () => {
    expect(checkArticleAddress('   ')).toEqual({
      ok: false,
      message: 'Give the article’s web address, e.g. https://www.example.org/news/story.',
    });
  });

  it('says what is wrong with what is not a web page’s address', () => {
    expect(checkArticleAddress('ftp://example.org/story.txt')).toEqual({
      ok: false,
      message:
        '“ftp://example.org/story.txt” is not a web page’s address: give one starting with http:// or https://.',
    });
    expect(checkArticleAddress('the story about the moon')).toEqual({
      ok: false,
      message:
        '“the story about the moon” is not a web address: give one like https://www.example.org/news/story.',
    });
  });
});
