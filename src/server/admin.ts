import path from 'node:path';
import { AUDIT_USAGE, auditCsvCommand } from './admin-audit';
import { AdminError } from './admin-error';
import { LTI_USAGE, runLtiCommand } from './admin-lti';
import { runSignInCommand, SIGN_IN_USAGE } from './admin-sign-in';
import { isTeachersCommand, runTeachersCommand, TEACHERS_USAGE } from './admin-teachers';
import { loadConfig, type ServerConfig } from './config';
import type { Database } from './db/database';
import { openDatabase } from './db/open-database';
import { configuredBaseUrl, createPasswordResetLink } from './services/password-reset';

/**
 * `npm run admin -- <command>`: tasks for the person who runs the server, on the same
 * configuration and database as the server (the same environment variables).
 */

const USAGE = `Usage: npm run admin -- reset-password <e-mail>
       npm run admin -- lti-register | lti-registration-url | lti-platforms | lti-rotate-key
       npm run admin -- teachers | invite | make-admin | remove-admin | disable | enable | transfer
       npm run admin -- audit-csv [--since YYYY-MM-DD] [--until YYYY-MM-DD]

  reset-password <e-mail>   print a one-time link that lets this teacher set a new password
${SIGN_IN_USAGE}
${LTI_USAGE}
${AUDIT_USAGE}
${TEACHERS_USAGE}`;

const pgliteBusy = (config: ServerConfig) =>
  `The embedded database in ${path.join(config.dataDir, 'pglite')} can be opened by one process at a time, and the server has it open. Stop the server, run this command, then start the server again. With PostgreSQL (DATABASE_URL) this command works while the server runs.`;

/** True when this install's server answers on its address with the embedded database. */
async function isPgliteServerRunning(config: ServerConfig): Promise<boolean> {
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const shown = host.includes(':') ? `[${host}]` : host;
  try {
    const response = await fetch(`http://${shown}:${config.port}/api/health`, {
      signal: AbortSignal.timeout(2000),
    });
    const body = (await response.json()) as { storage?: unknown };
    return body.storage === 'pglite';
  } catch {
    // Nothing (or something else) listens there: the directory is free as far as we can tell.
    return false;
  }
}

async function openAdminDatabase(config: ServerConfig): Promise<Database> {
  if (config.databaseUrl) return openDatabase(config);
  if (await isPgliteServerRunning(config)) throw new AdminError(pgliteBusy(config));
  try {
    return await openDatabase(config);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AdminError(`Could not open the embedded database: ${reason}\n${pgliteBusy(config)}`);
  }
}

async function resetPassword(config: ServerConfig, email: string): Promise<void> {
  const db = await openAdminDatabase(config);
  try {
    const link = await createPasswordResetLink(db, email, configuredBaseUrl(config));
    if (!link) throw new AdminError(`No teacher account has the e-mail address ${email}.`);
    const until = link.expiresAt.toISOString().slice(0, 16).replace('T', ' ');
    console.log(
      [
        `A one-time link for ${link.teacher.name} (${link.teacher.email}) to set a new password, valid until ${until} UTC:`,
        '',
        `  ${link.url}`,
        '',
        'Give it to them privately. Using it signs the account out on every other device.',
      ].join('\n'),
    );
  } finally {
    await db.close();
  }
}

async function main(args: readonly string[]): Promise<void> {
  // As the server (main.ts): what it writes into DATA_DIR is its user's alone.
  process.umask(0o077);
  const [command, ...rest] = args;
  if (command === 'reset-password') {
    const [email, ...extra] = rest;
    if (!email || extra.length > 0) throw new AdminError(USAGE, 2);
    await resetPassword(await loadConfig(), email.trim());
    return;
  }
  const signInOutput = command
    ? await runSignInCommand(command, rest, async () => openAdminDatabase(await loadConfig()))
    : null;
  if (signInOutput !== null) {
    console.log(signInOutput);
    return;
  }
  if (command?.startsWith('lti-')) {
    const config = await loadConfig();
    const output = await runLtiCommand(command, rest, config, () => openAdminDatabase(config));
    if (output !== null) {
      console.log(output);
      return;
    }
  }
  if (command === 'audit-csv') {
    const config = await loadConfig();
    // The CSV as it is: its records end with CRLF already.
    process.stdout.write(await auditCsvCommand(rest, config, () => openAdminDatabase(config)));
    return;
  }
  if (command !== undefined && isTeachersCommand(command)) {
    const config = await loadConfig();
    const output = await runTeachersCommand(command, rest, config, () => openAdminDatabase(config));
    if (output !== null) {
      console.log(output);
      return;
    }
  }
  if (command === undefined || command === 'help' || command === '--help') {
    console.log(USAGE);
    return;
  }
  throw new AdminError(`Unknown command "${command}".\n\n${USAGE}`, 2);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(error instanceof AdminError ? error.exitCode : 1);
});
