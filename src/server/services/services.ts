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
import { AuditTrail } from './audit-trail';
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
import { OidcSignIn } from './oidc-sign-in';
import { Reports } from './reports';
import { SecondFactors } from './second-factor';
import { SessionViews } from './session-views';
import { SpeakingTurns } from './speaking-turns';
import { StudentAnswers } from './student-answers';
import { SpaceReclaimer } from './space-reclaimer';
import { StudentData } from './student-data';
import { vacuumAppTables } from '../repositories/vacuum.repository';
import { TeacherAdmin } from './teacher-admin';
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
  /** The audit trail (issue 25): `record` a row, the CSV export. */
  readonly audit: AuditTrail;
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
  readonly oidcSignIn: OidcSignIn;
  readonly reports: Reports;
  readonly secondFactors: SecondFactors;
  readonly speakingTurns: SpeakingTurns;
  readonly statements: ClassStatements;
  readonly studentAnswers: StudentAnswers;
  readonly studentData: StudentData;
  readonly teacherAdmin: TeacherAdmin;
  readonly views: SessionViews;
  readonly wall: Wall;
  readonly wallKeys: WallKeys;
  readonly wallReplies: WallReplies;
  /**
   * Stops the background work (the opinion maps being drawn, the article drafter's worker) and
   * waits for a VACUUM under way, before the database closes.
   */
  close(): Promise<void>;
}

/** Makes every service once for the app (plugins/services.plugin.ts provides them). */
export function createServices(deps: ServiceDependencies): Services {
  const { config, db, hub, lessons, log } = deps;
  const audit = new AuditTrail(db, config.cookieSecret);
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
  const reclaimer = new SpaceReclaimer(
    () => vacuumAppTables(db),
    (error) => {
      log.error({ err: error }, 'could not reclaim the space deleted rows left');
    },
  );
  const classSessions = new ClassSessions(db, hub, views, lessons, audit, config, reclaimer);
  const ltiKeys = new LtiKeys(db);
  const ltiDeepLinking = new LtiDeepLinking(db, ltiKeys, lessons);
  const ltiPlacements = new LtiPlacements(db, lessons, classSessions);
  const ltiServiceTokens = new LtiServiceTokens(ltiKeys);
  return {
    classes: new Classes(db, forecasts),
    forecasts,
    forecastSignIn: new ForecastSignIn(db, hub, deps.limiters),
    accounts: new Accounts(db, hub, config, deps.mailer, deps.limiters, audit, reclaimer),
    articleDrafts,
    audit,
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
    oidcSignIn: new OidcSignIn(db, config),
    reports: new Reports(db, hub, views, wallKeys, forecasts),
    secondFactors: new SecondFactors(db, config.cookieSecret, deps.limiters),
    speakingTurns: new SpeakingTurns(db, hub),
    statements,
    studentAnswers: new StudentAnswers(db, hub, log, deps.clock),
    studentData: new StudentData(db, hub, forecasts, audit, reclaimer),
    teacherAdmin: new TeacherAdmin(db, deps.mailer),
    views,
    wall: new Wall(db, hub, wallKeys),
    wallKeys,
    wallReplies: new WallReplies(db, hub, wallKeys),
    close: async () => {
      statements.close();
      void articleDrafts.close();
      await reclaimer.settle();
    },
  };
}
