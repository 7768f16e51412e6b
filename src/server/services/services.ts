import type { FastifyBaseLogger } from 'fastify';
import type { ServerConfig } from '../config';
import type { Database } from '../db/database';
import type { Clock } from '../lib/clock';
import type { Mailer } from '../lib/mailer';
import type { LessonLibrary } from './lesson-library';
import type { LiveHub } from '../live/live-hub';
import { ARTICLE_MAX_BYTES } from '#domain/api/lesson-library-contracts';
import { Accounts, type AccountLimiters } from './accounts';
import { ArticleDrafts } from './article-drafts';
import { ClassSessions } from './class-sessions';
import { ClassStatements } from './class-statements';
import { Classes } from './classes';
import { ForecastSignIn } from './forecast-sign-in';
import { Forecasts } from './forecasts';
import { Joining, type JoinLimiters } from './joining';
import { LtiDynamicRegistration } from './lti-dynamic-registration';
import { LtiGrades } from './lti-grades';
import { LtiHandoffs } from './lti-handoffs';
import { LtiKeys } from './lti-keys';
import { LtiDeepLinking } from './lti-deep-linking';
import { LtiLaunch } from './lti-launch';
import { LtiPlacements } from './lti-placements';
import { LtiRoster } from './lti-roster';
import { LtiServiceTokens } from './lti-service-tokens';
import { Reports } from './reports';
import { SessionViews } from './session-views';
import { SpeakingTurns } from './speaking-turns';
import { StudentAnswers } from './student-answers';
import { StudentData } from './student-data';
import { Wall } from './wall';
import { WallKeys } from './wall-keys';
import { WallReplies } from './wall-replies';

/** Redirects an article's link may take (each checked as the first address was). */
const ARTICLE_MAX_REDIRECTS = 3;

/** What the services are made of: the app's storage, live hub, lessons, mailer and limits. */
interface ServiceDependencies {
  readonly config: ServerConfig;
  readonly db: Database;
  readonly hub: LiveHub;
  readonly lessons: LessonLibrary;
  readonly mailer: Mailer | null;
  readonly limiters: AccountLimiters & JoinLimiters;
  readonly log: FastifyBaseLogger;
  /** The forecasts' "now" (lib/clock.ts). */
  readonly clock: Clock;
}

/** The server's logic between routes and repositories, one service per concern. */
export interface Services {
  readonly accounts: Accounts;
  readonly articleDrafts: ArticleDrafts;
  readonly classes: Classes;
  readonly classSessions: ClassSessions;
  readonly forecasts: Forecasts;
  readonly forecastSignIn: ForecastSignIn;
  readonly joining: Joining;
  readonly ltiDeepLinking: LtiDeepLinking;
  readonly ltiGrades: LtiGrades;
  readonly ltiHandoffs: LtiHandoffs;
  readonly ltiKeys: LtiKeys;
  readonly ltiLaunch: LtiLaunch;
  readonly ltiRegistration: LtiDynamicRegistration;
  readonly ltiRoster: LtiRoster;
  readonly ltiServiceTokens: LtiServiceTokens;
  readonly reports: Reports;
  readonly speakingTurns: SpeakingTurns;
  readonly statements: ClassStatements;
  readonly studentAnswers: StudentAnswers;
  readonly studentData: StudentData;
  readonly views: SessionViews;
  readonly wall: Wall;
  readonly wallKeys: WallKeys;
  readonly wallReplies: WallReplies;
  /** Stops the background work (the opinion maps being drawn, the article drafter's worker). */
  close(): void;
}

/** Makes every service once for the app (plugins/services.plugin.ts provides them). */
export function createServices(deps: ServiceDependencies): Services {
  const { config, db, hub, lessons, log } = deps;
  const wallKeys = new WallKeys(db, config.cookieSecret);
  const views = new SessionViews(db, wallKeys, config.idleSessionHours);
  const statements = new ClassStatements(db, hub, log);
  const articleDrafts = new ArticleDrafts(lessons, {
    timeoutMs: config.articleFetchTimeoutMs,
    maxBytes: ARTICLE_MAX_BYTES,
    maxRedirects: ARTICLE_MAX_REDIRECTS,
    allowHosts: config.articleFetchAllowHosts,
  });
  const forecasts = new Forecasts(db, hub, lessons, deps.clock);
  const classSessions = new ClassSessions(db, hub, views, lessons, config);
  const ltiKeys = new LtiKeys(db);
  const ltiDeepLinking = new LtiDeepLinking(db, ltiKeys, lessons);
  const ltiPlacements = new LtiPlacements(db, lessons, classSessions);
  const ltiServiceTokens = new LtiServiceTokens(ltiKeys);
  return {
    classes: new Classes(db, forecasts),
    forecasts,
    forecastSignIn: new ForecastSignIn(db, hub, deps.limiters),
    accounts: new Accounts(db, hub, config, deps.mailer, deps.limiters),
    articleDrafts,
    classSessions,
    joining: new Joining(db, hub, deps.limiters),
    ltiDeepLinking,
    ltiGrades: new LtiGrades(db, hub, lessons, forecasts, ltiServiceTokens, log),
    ltiHandoffs: new LtiHandoffs(db),
    ltiKeys,
    ltiLaunch: new LtiLaunch(db, hub, { deepLinking: ltiDeepLinking, placements: ltiPlacements }),
    ltiRegistration: new LtiDynamicRegistration(db),
    ltiRoster: new LtiRoster(db, ltiServiceTokens),
    ltiServiceTokens,
    reports: new Reports(db, hub, views, wallKeys, forecasts),
    speakingTurns: new SpeakingTurns(db, hub),
    statements,
    studentAnswers: new StudentAnswers(db, hub, log, deps.clock),
    studentData: new StudentData(db, hub, forecasts),
    views,
    wall: new Wall(db, hub, wallKeys),
    wallKeys,
    wallReplies: new WallReplies(db, hub, wallKeys),
    close: () => {
      statements.close();
      void articleDrafts.close();
    },
  };
}
