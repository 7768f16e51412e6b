import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { teacherStreamKey } from '../live/stream-limits';
import type { AuditAction } from '../services/audit-trail';
import { countEveryAttempt } from '../plugins/rate-limits.plugin';
import { configuredBaseUrl } from '../services/password-reset';
import { acceptInvitation, checkInvitation } from '../services/invitations';
import { signUpClosedMessage } from '../services/sign-up-policy';
import { addRoute } from './contract-route';
import { sendAttachment } from './send-attachment';

const DAY_MS = 24 * 3600 * 1000;

/** Under /api/auth: who may sign up, and opening an account with an invitation. */
export const invitationRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { auth, config, db, limiters } = app;
  const limitSignIns = countEveryAttempt(limiters.signIn);

  addRoute(app, endpoints.signUpPolicy, () => ({
    isOpen: config.signUp.isOpen,
    domains: config.signUp.isOpen ? [] : [...config.signUp.domains],
    message: signUpClosedMessage(config.signUp.domains),
  }));

  addRoute(
    app,
    endpoints.checkInvitation,
    async ({ body }) => ({ email: await checkInvitation(db, body.token) }),
    limitSignIns,
  );

  addRoute(
    app,
    endpoints.acceptInvitation,
    async ({ body }, request, reply) => {
      const teacher = await acceptInvitation(db, config, body);
      await auth.signIn(request, reply, teacher);
      reply.status(201);
      return { teacher };
    },
    limitSignIns,
  );
  done();
};

/** Under /api/admin: administrators manage teacher accounts (everything else requireAdmin). */
export const adminRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { config } = app;
  const { audit, teacherAdmin } = app.services;

  /** One audit row for an administrator's action on accounts (by their keyed hashes). */
  const recordAdminAction = (
    admin: { readonly id: string },
    action: AuditAction,
    request: { readonly ip: string },
    accounts: { account: string } | { from: string; to: string } | null,
  ) =>
    audit.record({
      actor: { kind: 'admin', id: admin.id },
      action,
      request,
      ...(accounts ? { detail: audit.accountsDetail(accounts) } : {}),
    });

  addRoute(app, endpoints.adminStatus, async ({ caller }) => ({
    isAdmin: await teacherAdmin.isAdmin(caller.teacher.id),
  }));

  addRoute(app, endpoints.teacherAccounts, ({ caller }) => teacherAdmin.list(caller.teacher));

  addRoute(app, endpoints.invite, async ({ body, caller }, request, reply) => {
    const made = await teacherAdmin.invite(
      caller.teacher,
      body.email,
      configuredBaseUrl(config),
      request.log,
    );
    await recordAdminAction(caller.teacher, 'invited_teacher', request, null);
    reply.status(201);
    return made;
  });

  addRoute(app, endpoints.revokeInvitation, async ({ params, caller }, request) => {
    await teacherAdmin.revoke(params.invitationId);
    await recordAdminAction(caller.teacher, 'revoked_invitation', request, null);
    return undefined;
  });

  addRoute(app, endpoints.disableTeacher, async ({ params, caller }, request) => {
    const teacher = await teacherAdmin.disable(caller.teacher, params.teacherId);
    await recordAdminAction(caller.teacher, 'disabled_teacher', request, { account: teacher.id });
    // Their open live streams end too (those this process holds; others' next request is 401).
    app.streams.closeAllOf(teacherStreamKey(teacher.id));
    return { teacher };
  });

  addRoute(app, endpoints.enableTeacher, async ({ params, caller }, request) => {
    const teacher = await teacherAdmin.enable(params.teacherId);
    await recordAdminAction(caller.teacher, 'enabled_teacher', request, { account: teacher.id });
    return { teacher };
  });

  addRoute(app, endpoints.setTeacherAdmin, async ({ params, body, caller }, request) => {
    const teacher = await teacherAdmin.setAdmin(caller.teacher, params.teacherId, body.isAdmin);
    await recordAdminAction(caller.teacher, 'changed_admin_role', request, { account: teacher.id });
    return { teacher };
  });

  addRoute(app, endpoints.transferTeacherWork, async ({ params, body, caller }, request) => {
    const moved = await teacherAdmin.transfer(params.teacherId, body.toTeacherId);
    await recordAdminAction(caller.teacher, 'transferred_teacher_work', request, {
      from: params.teacherId,
      to: body.toTeacherId,
    });
    return moved;
  });

  addRoute(app, endpoints.auditCsv, async ({ query, caller }, request, reply) => {
    const since = query.since ? new Date(`${query.since}T00:00:00Z`) : null;
    const until = query.until ? new Date(Date.parse(`${query.until}T00:00:00Z`) + DAY_MS) : null;
    const body = await audit.csv({ since, until });
    await recordAdminAction(caller.teacher, 'exported_audit_trail', request, null);
    return sendAttachment(reply, {
      contentType: 'text/csv; charset=utf-8',
      fileName: `audit-trail-${query.since ?? 'start'}-to-${query.until ?? 'now'}.csv`,
      body,
    });
  });
  done();
};
