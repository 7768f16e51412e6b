import { z } from 'zod';
import {
  classListSchema,
  classNameRequestSchema,
  closeDateRequestSchema,
  dueForecastsSchema,
  forecastClassSchema,
  forecastTeamsRequestSchema,
  forecastTeamsResponseSchema,
  forecastUpdateRequestSchema,
  forecastVersionSchema,
  leaderboardModeSchema,
  leaderboardOptInSchema,
  resolutionRequestSchema,
  setSessionClassRequestSchema,
  studentForecastsViewSchema,
  teacherForecastQuestionSchema,
  teacherForecastsViewSchema,
} from '../forecast-contracts';
import { joinResponseSchema, rejoinRequestSchema } from '../live-contracts';
import { itemParams, sessionParamsSchema } from './params';
import type { EndpointContract } from './contract';

const classParams = z.object({ classId: z.uuid('classId must be a class id') });

/**
 * Forecasts that live past the lesson (issue 26): classes of sessions, the teacher's and the
 * student's forecasts pages, updates with reasons, resolution, teams and the leaderboard.
 */
export const forecastEndpoints = {
  listClasses: {
    method: 'GET',
    path: '/api/classes',
    caller: 'teacher',
    summary: "The teacher's classes (named groups of sessions), newest first.",
    responses: { 200: classListSchema },
  },
  createClass: {
    method: 'POST',
    path: '/api/classes',
    caller: 'teacher',
    summary: 'Creates an empty class.',
    body: classNameRequestSchema,
    responses: { 201: forecastClassSchema },
  },
  renameClass: {
    method: 'PUT',
    path: '/api/classes/:classId',
    caller: 'teacher',
    summary: "Renames a class; 404 not_found for another teacher's.",
    params: classParams,
    body: classNameRequestSchema,
    responses: { 200: forecastClassSchema },
  },
  deleteClass: {
    method: 'DELETE',
    path: '/api/classes/:classId',
    caller: 'teacher',
    summary: 'Deletes a class; its sessions stay, each a class of its own.',
    params: classParams,
    responses: { 204: null },
  },
  setSessionClass: {
    method: 'PUT',
    path: '/api/sessions/:id/class',
    caller: 'owner',
    summary: "Puts the session in one of the teacher's classes (null: in none).",
    params: sessionParamsSchema,
    body: setSessionClassRequestSchema,
    responses: { 204: null },
  },
  classForecasts: {
    method: 'GET',
    path: '/api/classes/:classId/forecasts',
    caller: 'teacher',
    summary:
      "Every forecast question of the class's sessions with the class median, each student's scores, calibration, teams.",
    params: classParams,
    responses: { 200: teacherForecastsViewSchema },
  },
  sessionForecasts: {
    method: 'GET',
    path: '/api/sessions/:id/forecasts',
    caller: 'owner',
    summary: "The session's forecast questions as the teacher's forecasts page shows them.",
    params: sessionParamsSchema,
    responses: { 200: teacherForecastsViewSchema },
  },
  setForecastCloseDate: {
    method: 'PUT',
    path: '/api/sessions/:id/forecasts/:itemId/close-date',
    caller: 'owner',
    summary:
      'Sets the day through which updates are accepted (null: the default rule); 400 invalid_input (field closesOn) for a day before today on an open question.',
    params: itemParams,
    body: closeDateRequestSchema,
    responses: { 200: teacherForecastQuestionSchema },
  },
  resolveForecast: {
    method: 'PUT',
    path: '/api/sessions/:id/forecasts/:itemId/resolution',
    caller: 'owner',
    summary:
      'Resolves (or corrects) some or all scenarios: yes, no or annulled, a day and a source link; scores are recomputed and forecast.resolved goes to everyone of the session.',
    params: itemParams,
    body: resolutionRequestSchema,
    responses: { 200: teacherForecastQuestionSchema },
  },
  setForecastTeams: {
    method: 'PUT',
    path: '/api/sessions/:id/forecast-teams',
    caller: 'owner',
    summary:
      "Replaces the session's teams (a student in at most one); 400 invalid_input for a student not in the session or in two teams.",
    params: sessionParamsSchema,
    body: forecastTeamsRequestSchema,
    responses: { 200: forecastTeamsResponseSchema },
  },
  setLeaderboardMode: {
    method: 'PUT',
    path: '/api/sessions/:id/leaderboard',
    caller: 'owner',
    summary: 'Turns the leaderboard off, or on by pseudonyms or by names (opted-in students only).',
    params: sessionParamsSchema,
    body: leaderboardModeSchema,
    responses: { 200: leaderboardModeSchema },
  },
  dueForecasts: {
    method: 'GET',
    path: '/api/forecasts/due',
    caller: 'teacher',
    summary: "The teacher's questions past their close date and not yet resolved.",
    responses: { 200: dueForecastsSchema },
  },
  forecastsCsv: {
    method: 'GET',
    path: '/api/sessions/:id/forecasts.csv',
    caller: 'owner',
    summary:
      'Every forecast version, one row per scenario: student, item, scenario, percent, reason, time, in class or update.',
    params: sessionParamsSchema,
    responses: { 200: { contentType: 'text/csv; charset=utf-8' } },
  },
  forecastSignIn: {
    method: 'POST',
    path: '/api/forecasts/sign-in',
    caller: 'anyone',
    summary:
      "Back to one's forecasts with join code, name and rejoin code, also after the session ended (the newest session of that code with this student); replaces the rejoin code and sets the cookie. 403 rejoin_refused; 429 rate_limited.",
    body: rejoinRequestSchema,
    responses: { 200: joinResponseSchema },
  },
  myForecasts: {
    method: 'GET',
    path: '/api/sessions/:id/my-forecasts',
    caller: 'student',
    summary:
      "The session's forecast questions as this student sees them: their versions, the class median, their scores, calibration, team and leaderboard. Works after the session ended.",
    params: sessionParamsSchema,
    responses: { 200: studentForecastsViewSchema },
  },
  updateMyForecast: {
    method: 'POST',
    path: '/api/sessions/:id/my-forecasts/:itemId',
    caller: 'student',
    summary:
      'A new version of the forecast, every scenario 0-100; 409 question_closed once closed or resolved; 400 reason_required (field reason) for an update without a reason.',
    params: itemParams,
    body: forecastUpdateRequestSchema,
    responses: { 201: forecastVersionSchema },
  },
  setMyLeaderboardOptIn: {
    method: 'PUT',
    path: '/api/sessions/:id/my-leaderboard',
    caller: 'student',
    summary: 'Opts in to (or out of) the leaderboard.',
    params: sessionParamsSchema,
    body: leaderboardOptInSchema,
    responses: { 200: leaderboardOptInSchema },
  },
} as const satisfies Readonly<Record<string, EndpointContract>>;
