import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/open-database';
import { readBuiltInLessons } from './lessons/built-in-lessons';
import { openLessonLibrary } from './services/lesson-library';
import { lowFileLimitWarning, readOpenFileLimits } from './lib/open-file-limit';

/** Starts the server: configuration, database, app, listen; closes cleanly on SIGINT/SIGTERM. */
async function main() {
  // Files the server makes (the embedded database's, the cookie secret) are its user's alone:
  // they hold students' names and answers.
  process.umask(0o077);
  const config = await loadConfig();
  const db = await openDatabase(config);
  const lessons = await openLessonLibrary(db, await readBuiltInLessons());
  const app = await buildApp({ config, db, lessons, warmUpArticleDrafter: true });
  let isClosing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (isClosing) return;
      isClosing = true;
      app.log.info(`${signal}: closing`);
      // The database closes after the app, whose live hub still needs it while closing.
      app
        .close()
        .then(() => db.close())
        .then(
          () => process.exit(0),
          (error: unknown) => {
            app.log.error({ err: error }, 'could not close cleanly');
            process.exit(1);
          },
        );
    });
  }

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const scheme = config.tls ? 'https' : 'http';
  console.log(
    `Article Discussion is running at ${scheme}://${shownHost}:${port} (storage: ${db.kind})`,
  );
  const fileLimitWarning = lowFileLimitWarning(readOpenFileLimits());
  if (fileLimitWarning) console.warn(`Warning: ${fileLimitWarning}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
