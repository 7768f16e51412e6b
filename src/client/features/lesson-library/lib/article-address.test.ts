import { describe, expect, it } from 'vitest';
import { checkArticleAddress } from './article-address';

describe('checkArticleAddress', () => {
  it('takes an http or https address as it is', () => {
    expect(checkArticleAddress(' https://news.example.org/a/story?id=3 ')).toEqual({
      ok: true,
      url: 'https://news.example.org/a/story?id=3',
    });
    expect(checkArticleAddress('http://127.0.0.1:4305/article')).toEqual({
      ok: true,
      url: 'http://127.0.0.1:4305/article',
    });
  });

  it('takes an address without its scheme as https', () => {
    expect(checkArticleAddress('www.example.org/story')).toEqual({
      ok: true,
      url: 'https://www.example.org/story',
    });
    expect(checkArticleAddress('example.org:8080/story')).toEqual({
      ok: true,
      url: 'https://example.org:8080/story',
    });
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
