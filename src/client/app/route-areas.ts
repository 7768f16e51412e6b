import type { RouteMatch, RouteName } from '#shared/lib/routes';

/**
 * Which pages belong to the teacher's and the live class's parts of the app: each part is a
 * separate chunk, and a student's self-study never loads them.
 */
const TEACHER_ROUTES = [
  'teach',
  'forgotPassword',
  'resetPassword',
  'confirmSignUp',
  'acceptInvitation',
  'administration',
  'lessonLibrary',
  'newLesson',
  'lessonEditor',
  'teacherSession',
  'teacherReport',
  'teacherProjector',
  'teacherForecasts',
  'classForecasts',
] as const satisfies readonly RouteName[];
/** A student in a class: joining, the live class, and their forecasts past the lesson. */
const LIVE_ROUTES = [
  'join',
  'liveSession',
  'forecastsSignIn',
  'studentForecasts',
] as const satisfies readonly RouteName[];
const DOCUMENT_ROUTES = [
  'privacy',
  'accessibility',
  'dataInventory',
] as const satisfies readonly RouteName[];

export type TeacherRoute = Extract<RouteMatch, { name: (typeof TEACHER_ROUTES)[number] }>;
export type LiveRoute = Extract<RouteMatch, { name: (typeof LIVE_ROUTES)[number] }>;
export type DocumentRoute = Extract<RouteMatch, { name: (typeof DOCUMENT_ROUTES)[number] }>;

const isIn = (names: readonly RouteName[], route: RouteMatch | null) =>
  route !== null && names.includes(route.name);

export const isTeacherRoute = (route: RouteMatch | null): route is TeacherRoute =>
  isIn(TEACHER_ROUTES, route);
export const isLiveRoute = (route: RouteMatch | null): route is LiveRoute =>
  isIn(LIVE_ROUTES, route);
export const isDocumentRoute = (route: RouteMatch | null): route is DocumentRoute =>
  isIn(DOCUMENT_ROUTES, route);
