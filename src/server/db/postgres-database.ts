import pg from 'pg';
import type { Database, Queryable } from './database';

/** PostgreSQL through a connection pool, with one extra connection that holds every LISTEN. */
export async function openPostgresDatabase(
  connectionString: string,
  options: { schema?: string } = {},
): Promise<Database> {
  // A schema per test run keeps parallel runs on one database apart.
  const searchPath = options.schema ? `-c search_path=${options.schema}` : undefined;
  const clientConfig = { connectionString, ...(searchPath ? { options: searchPath } : {}) };
  const pool = new pg.Pool({ ...clientConfig, max: 10 });
  pool.on('error', (error) => {
    console.error('PostgreSQL pool error', error);
  });
  if (options.schema) {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(options.schema)}`);
  }

  // NOTIFY channels are database-wide: a schema's own prefix keeps test runs from hearing each other.
  const channelName = (channel: string) =>
    options.schema ? `${options.schema}__${channel}` : channel;

  let listener: Promise<pg.Client> | null = null;
  const handlers = new Map<string, Set<(payload: string) => void>>();

  function getListener(): Promise<pg.Client> {
    // One connection for every LISTEN, made once even when two streams open at the same moment.
    listener ??= (async () => {
      const client = new pg.Client(clientConfig);
      await client.connect();
      client.on('notification', (message) => {
        for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? '');
      });
      client.on('error', (error) => {
        console.error('PostgreSQL LISTEN connection error', error);
      });
      return client;
    })();
    // A failed connection is not kept: the next LISTEN tries again.
    listener.catch(() => {
      listener = null;
    });
    return listener;
  }

  // LISTEN and UNLISTEN take turns on the one connection: pg runs a client's queries one at a time
  // anyway, and warns (deprecated in pg 9) when a second is sent while the first is running.
  let listenerQueue: Promise<unknown> = Promise.resolve();
  function onListener(sql: string): Promise<void> {
    const turn = listenerQueue.then(async () => {
      const client = await getListener();
      await client.query(sql);
    });
    listenerQueue = turn.catch(() => undefined);
    return turn;
  }

  const queryable = (q: pg.Pool | pg.PoolClient): Queryable => ({
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- callers name the row shape they select
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<Row & pg.QueryResultRow>(sql, [...params]);
      return { rows: result.rows };
    },
  });

  return {
    kind: 'postgres',
    ...queryable(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async listen(name, onNotify) {
      const channel = channelName(name);
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await onListener(`LISTEN ${pg.escapeIdentifier(channel)}`);
      }
      set.add(onNotify);
      return async () => {
        set.delete(onNotify);
        if (set.size === 0 && handlers.get(channel) === set) {
          handlers.delete(channel);
          await onListener(`UNLISTEN ${pg.escapeIdentifier(channel)}`);
        }
      };
    },
    async notify(name, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channelName(name), payload]);
    },
    async close() {
      await listenerQueue;
      const client = await listener;
      listener = null;
      await client?.end();
      await pool.end();
    },
  };
}
