/**
 * The peer the comparison benchmark runs against: PostGraphile 4 (with the connection
 * filter plugin, as its users deploy it for filtered lists) over the benchmark database,
 * in its own process like our API, read-only, production settings (no query log, no
 * GraphiQL, no schema watching). Started by test/bench/lib/peer.ts with DATABASE_URL,
 * SCHEMAS (comma-separated), HOST and PORT; prints "ready" when it listens.
 */
import http from 'node:http';
import postgraphileModule from 'postgraphile';
import connectionFilterModule from 'postgraphile-plugin-connection-filter';

const { postgraphile } = postgraphileModule;
const ConnectionFilterPlugin =
  (connectionFilterModule as unknown as { default?: unknown }).default ?? connectionFilterModule;

const databaseUrl = new URL(process.env.DATABASE_URL ?? '');
databaseUrl.searchParams.set('options', '-c default_transaction_read_only=on');

const middleware = postgraphile(databaseUrl.toString(), (process.env.SCHEMAS ?? 'public').split(','), {
  appendPlugins: [ConnectionFilterPlugin as never],
  graphileBuildOptions: { connectionFilterRelations: true },
  disableDefaultMutations: true,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  legacyRelations: 'omit',
  disableQueryLog: true,
  graphiql: false,
  watchPg: false,
  retryOnInitFail: false,
});

const server = http.createServer((request, response) => {
  void middleware(request, response);
});
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
