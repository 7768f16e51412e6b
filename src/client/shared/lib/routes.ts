/**
 * Every page's address, written once. The links that build a path and the app that reads the
 * current one both use this table, so a page cannot be linked at one address and served at
 * another.
 *
 * A pattern is literal segments and `:name` parameters. A parameter is one non-empty segment:
 * `build` encodes it (so an id with a space, a slash or an accent stays one segment) and `match`
 * decodes it. One trailing slash is allowed, as a typed address often has one. The query string
 * is not part of a route: pages read it themselves (/join?code=…).
 */

type ParamName<Pattern extends string> = Pattern extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamName<`/${Rest}`>
  : Pattern extends `${string}:${infer Name}`
    ? Name
    : never;

export type RouteParams<Pattern extends string> = {
  readonly [Name in ParamName<Pattern>]: string;
};

/** A route without parameters is built with no argument. */
type BuildArgs<Pattern extends string> = [ParamName<Pattern>] extends [never]
  ? []
  : [params: RouteParams<Pattern>];

export interface Route<Pattern extends string> {
  readonly pattern: Pattern;
  readonly build: (...args: BuildArgs<Pattern>) => string;
  /** The decoded parameters when the path is this route's; null otherwise, or when malformed. */
  readonly match: (pathname: string) => RouteParams<Pattern> | null;
}

type LooseParams = Readonly<Record<string, string>>;

function buildPath(segments: readonly string[], params: LooseParams = {}): string {
  const built = segments.map((segment) =>
    segment.startsWith(':') ? encodeURIComponent(params[segment.slice(1)] ?? '') : segment,
  );
  return `/${built.join('/')}`;
}

function matchPath(segments: readonly string[], pathname: string): LooseParams | null {
  // The root is only ever '/': '//' is not the home page with a trailing slash.
  const isRoot = segments.length === 1 && segments[0] === '';
  if (isRoot) return pathname === '/' ? {} : null;
  const trimmed = pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  if (!trimmed.startsWith('/')) return null;
  const parts = trimmed.slice(1).split('/');
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of segments.entries()) {
    const part = parts[index] ?? '';
    if (!segment.startsWith(':')) {
      if (part !== segment) return null;
      continue;
    }
    if (part === '') return null;
    try {
      params[segment.slice(1)] = decodeURIComponent(part);
    } catch {
      // A malformed address is a page that does not exist, not a crash.
      return null;
    }
  }
  return params;
}

function route<const Pattern extends string>(pattern: Pattern): Route<Pattern> {
  const segments = pattern.slice(1).split('/');
  return {
    pattern,
    build: (params?: LooseParams) => buildPath(segments, params),
    // The pattern's names cannot be followed through the loop that reads them; the tests check
    // that every route matches back the parameters it builds.
    match: (pathname) => matchPath(segments, pathname) as RouteParams<Pattern> | null,
  };
}

/**
 * The app's pages. The order written here is the order `matchRoute` tries them in, first match
 * wins: keep a literal path (like a future /teach/sessions/new) above a parameter that would
 * also match it.
 */
export const routes = {
  /** The built-in lesson's home (its self-study link's home page, at the app's front door). */
  home: route('/'),
  /** Self-study of a lesson by its link: the lesson's home, a section, the review. */
  lessonHome: route('/s/:shareKey'),
  lessonSection: route('/s/:shareKey/study/:sectionId'),
  lessonReview: route('/s/:shareKey/review'),
  /** The built-in lesson's addresses from before lessons had links: they lead to the new ones. */
  builtInReview: route('/review'),
  builtInSection: route('/study/:sectionId'),
  teach: route('/teach'),
  forgotPassword: route('/teach/forgot-password'),
  resetPassword: route('/teach/reset-password'),
  confirmSignUp: route('/teach/confirm-sign-up'),
  acceptInvitation: route('/teach/accept-invitation'),
  administration: route('/teach/admin'),
  lessonLibrary: route('/teach/lessons'),
  newLesson: route('/teach/lessons/new'),
  lessonEditor: route('/teach/lessons/:lessonId'),
  teacherSession: route('/teach/sessions/:sessionId'),
  teacherReport: route('/teach/sessions/:sessionId/report'),
  teacherProjector: route('/teach/sessions/:sessionId/projector'),
  /** A session's forecast questions past the lesson, and a class's (sessions grouped). */
  teacherForecasts: route('/teach/sessions/:sessionId/forecasts'),
  classForecasts: route('/teach/classes/:classId/forecasts'),
  join: route('/join'),
  liveSession: route('/live/:sessionId'),
  /** A student back to their forecasts: the way in (join code, name, rejoin code), the page. */
  forecastsSignIn: route('/forecasts'),
  studentForecasts: route('/forecasts/:sessionId'),
  privacy: route('/privacy'),
  accessibility: route('/accessibility'),
  dataInventory: route('/data-inventory'),
} as const;

export type RouteName = keyof typeof routes;

/** A matched page: its name and its decoded parameters, typed together. */
export type RouteMatch = {
  [Name in RouteName]: {
    readonly name: Name;
    readonly params: RouteParams<(typeof routes)[Name]['pattern']>;
  };
}[RouteName];

const MATCH_ORDER = Object.keys(routes) as RouteName[];

/** The page at this path (without its query string), or null when there is none. */
export function matchRoute(pathname: string): RouteMatch | null {
  for (const name of MATCH_ORDER) {
    const params = routes[name].match(pathname);
    // The loop loses the link between a name and its parameters' type; the table keeps it.
    if (params) return { name, params } as RouteMatch;
  }
  return null;
}
