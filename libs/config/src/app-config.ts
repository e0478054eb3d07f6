import { inspect } from 'node:util';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, EnvReader } from './env.js';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

const MIN_SECRET_LENGTH = 32;
/** The names of the variables that may hold a council sign-in connection's client secret. */
export const OIDC_CLIENT_SECRET_PREFIX = 'OIDC_CLIENT_SECRET_';
export const OIDC_CLIENT_SECRET_NAME = /^OIDC_CLIENT_SECRET_[A-Z0-9_]{1,60}$/;
const JWT_SECRET_FILE = 'jwt-secret';

export interface ThrottleConfig {
  /** Attempts allowed in the window before further attempts are refused. */
  limit: number;
  /** Window length in seconds. */
  windowSeconds: number;
}

/**
 * The whole configuration of a process, validated once at boot. Domain code receives
 * this object through dependency injection and never reads process.env itself.
 */
/** A URL with any password replaced, for showing. */
function withoutPassword(url: string | undefined): string | undefined {
  if (!url) return url;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '[invalid URL]';
  }
}

export class AppConfig {
  readonly nodeEnv: NodeEnv;
  readonly host: string;
  readonly port: number;
  readonly logLevel: LogLevel;
  readonly logFormat: LogFormat;
  readonly trustProxy: boolean;

  /** A real PostgreSQL server; when absent the embedded database under dataDir is used. */
  readonly databaseUrl: string | undefined;
  readonly databasePoolSize: number;
  readonly dataDir: string;
  /** Loopback port of the embedded database (0 picks a free port). */
  readonly embeddedDatabasePort: number;
  readonly seedDemo: boolean;

  readonly jwtSecret: string;
  readonly jwtSecretSource: 'environment' | 'data-dir' | 'ephemeral';
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlDays: number;

  /** Failed sign-ins per email address from one client address per window. */
  readonly loginThrottlePerEmail: ThrottleConfig;
  /** Failed sign-ins per email address from all client addresses together per window. */
  readonly loginThrottlePerEmailTotal: ThrottleConfig;
  /** Failed sign-ins and refreshes, and registrations, per client address per window. */
  readonly authThrottlePerIp: ThrottleConfig;
  /** Requests to the open Open Referral UK feed per client address per window. */
  readonly openReferralRateLimit: ThrottleConfig;

  /** How long an email verification link works. */
  readonly emailVerificationTtlSeconds: number;
  /** How long a password reset link works. */
  readonly passwordResetTtlSeconds: number;
  /** Emailed links of one kind per account: at most one per interval, and so many an hour. */
  readonly accountLinkLimits: { resendIntervalSeconds: number; resendPerHour: number };
  /** Accounts whose email was never verified are deleted this many days after registering. */
  readonly unverifiedAccountRetentionDays: number;

  /** How long an organisation's invitation to join works. */
  readonly membershipInvitationTtlDays: number;

  /** A signed-in browser is signed out after this long without a request. */
  readonly webSessionIdleMinutes: number;
  /** A signed-in browser is signed out this long after signing in, however active. */
  readonly webSessionMaxHours: number;

  /** How long a council sign-in may take between leaving for the provider and coming back. */
  readonly oidcStateTtlSeconds: number;
  /** How long the one-time code handed back by a council sign-in can be exchanged for tokens. */
  readonly oidcSignInCodeTtlSeconds: number;
  /** How long a council sign-in waits for the person to prove they hold an existing account. */
  readonly oidcLinkTtlSeconds: number;
  /**
   * The client secrets of council sign-in connections, by variable name: every variable
   * whose name starts with OIDC_CLIENT_SECRET_. A connection names its variable; no other
   * variable (JWT_SECRET, DATABASE_URL) can ever be sent to a provider.
   */
  readonly oidcClientSecrets: ReadonlyMap<string, string>;
  /** Where the API is reached from outside: the base of the sign-in redirect URI. */
  readonly apiPublicUrl: string;
  /** Whether a council sign-in issuer may be a loopback or private-network address (tests, a local provider). */
  readonly oidcAllowPrivateIssuers: boolean;

  /** `offline` (shipped district table + known addresses) or `postcodes.io`. */
  readonly geocoder: 'offline' | 'postcodes.io';
  readonly postcodesIoUrl: string;
  readonly geocoderTimeoutMs: number;

  /** Run background work (notification delivery, expiring introductions) inside the API process. */
  readonly workerInProcess: boolean;
  /** `file` writes each email as an .eml file under mailDir; `smtp` sends through smtpUrl. */
  readonly mailTransport: 'file' | 'smtp';
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly mailDir: string;
  /** Where people open the product; links in emails point here. */
  readonly publicUrl: string;
  /** How often idle background work looks for more. */
  readonly workerPollMs: number;
  readonly notificationMaxAttempts: number;
  /** First retry delay of a failed email; each further retry waits twice as long (at most 6 hours). */
  readonly notificationRetryBaseMs: number;
  /** How long a worker holds a claimed delivery before another may take it over. */
  readonly notificationLeaseSeconds: number;
  /**
   * How long a notice of something its sender can still take back (a request to
   * connect) is held before it is shown or emailed; taking it back within this time
   * cancels it unseen.
   */
  readonly notificationWithdrawWindowSeconds: number;

  /**
   * Let the admin import of an Open Referral feed fetch loopback and private-network
   * addresses. Off by default, so the server cannot be pointed at its own network
   * (server-side request forgery); the command line fetches anything.
   */
  readonly orukImportAllowPrivateUrls: boolean;
  /** How long one request to another publisher's feed may take. */
  readonly orukImportTimeoutMs: number;
  /** How many services of a feed are fetched at once. */
  readonly orukImportConcurrency: number;

  readonly graphqlMaxDepth: number;
  readonly graphqlMaxComplexity: number;
  /** Fields at the top of one GraphQL operation. */
  readonly graphqlMaxRootFields: number;
  /** Aliased fields in one GraphQL document. */
  readonly graphqlMaxAliases: number;
  /** Whether anyone may introspect the schema (on outside production). */
  readonly graphqlIntrospection: boolean;
  /** Whether errors for unknown fields and types suggest names ("Did you mean ...") (on outside production). */
  readonly graphqlFieldSuggestions: boolean;
  readonly requestBodyLimit: string;
  readonly corsOrigins: string[];

  private constructor(values: AppConfig) {
    Object.assign(this, values);
  }

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }

  get isDevelopment(): boolean {
    return this.nodeEnv === 'development';
  }

  get usesEmbeddedDatabase(): boolean {
    return this.databaseUrl === undefined;
  }

  /** The configuration with its secrets masked: what JSON.stringify and console.log show. */
  toJSON(): Record<string, unknown> {
    return {
      ...Object.fromEntries(Object.entries(this)),
      databaseUrl: withoutPassword(this.databaseUrl),
      smtpUrl: withoutPassword(this.smtpUrl),
      jwtSecret: '[secret]',
      oidcClientSecrets: [...this.oidcClientSecrets.keys()],
    };
  }

  [inspect.custom](): Record<string, unknown> {
    return this.toJSON();
  }

  /**
   * Builds the configuration from an environment, reporting every invalid variable by
   * name. Side effect: in development, a JWT secret is generated once and kept in the
   * data directory so tokens survive a restart.
   */
  static fromEnv(env: Record<string, string | undefined> = process.env): AppConfig {
    const read = new EnvReader(env);
    const nodeEnv = read.oneOf('NODE_ENV', NODE_ENVS, 'development');
    const databaseUrl = read.postgresUrl('DATABASE_URL');
    const dataDir = resolve(read.string('DATA_DIR', './data'));
    const bodyLimit = read.string('REQUEST_BODY_LIMIT', '100kb');
    if (!/^\d+(b|kb|mb)$/i.test(bodyLimit)) {
      read.fail(`REQUEST_BODY_LIMIT must be a size such as 100kb or 1mb (got "${bodyLimit}")`);
    }

    const secret = resolveJwtSecret(read, nodeEnv, dataDir);
    const port = read.int('PORT', 3000, 0, 65535);
    const mailTransport = read.oneOf('MAIL_TRANSPORT', ['file', 'smtp'] as const, 'file');
    const smtpUrl = read.secretUrl('SMTP_URL', ['smtp:', 'smtps:']);
    if (mailTransport === 'smtp' && smtpUrl === undefined) read.fail('SMTP_URL is required when MAIL_TRANSPORT=smtp');
    const mailFrom = read.string('MAIL_FROM', 'Cohesion Network <no-reply@cohesion-network.example>');
    if (!/^[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+>$/.test(mailFrom)) {
      read.fail('MAIL_FROM must be an email address, optionally with a name: Name <address@example.org>');
    }
    const values = {
      nodeEnv,
      host: read.string('HOST', '127.0.0.1'),
      port,
      logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
      logFormat: read.oneOf('LOG_FORMAT', LOG_FORMATS, nodeEnv === 'development' ? 'pretty' : 'json'),
      trustProxy: read.bool('TRUST_PROXY', false),
      databaseUrl,
      databasePoolSize: read.int('DATABASE_POOL_SIZE', 10, 1, 200),
      dataDir,
      embeddedDatabasePort: read.int('EMBEDDED_DB_PORT', 0, 0, 65535),
      seedDemo: read.bool('SEED_DEMO', databaseUrl === undefined && nodeEnv !== 'production'),
      jwtSecret: secret.value,
      jwtSecretSource: secret.source,
      accessTokenTtlSeconds: read.int('JWT_ACCESS_TTL_SECONDS', 900, 60, 86_400),
      refreshTokenTtlDays: read.int('JWT_REFRESH_TTL_DAYS', 30, 1, 365),
      loginThrottlePerEmail: {
        limit: read.int('LOGIN_THROTTLE_PER_EMAIL', 10, 1, 10_000),
        windowSeconds: read.int('LOGIN_THROTTLE_WINDOW_SECONDS', 900, 1, 86_400),
      },
      loginThrottlePerEmailTotal: {
        limit: read.int('LOGIN_THROTTLE_PER_EMAIL_TOTAL', 100, 1, 100_000),
        windowSeconds: read.int('LOGIN_THROTTLE_WINDOW_SECONDS', 900, 1, 86_400),
      },
      authThrottlePerIp: {
        limit: read.int('AUTH_THROTTLE_PER_IP', 60, 1, 100_000),
        windowSeconds: read.int('AUTH_THROTTLE_WINDOW_SECONDS', 900, 1, 86_400),
      },
      openReferralRateLimit: {
        limit: read.int('ORUK_RATE_LIMIT', 600, 1, 1_000_000),
        windowSeconds: read.int('ORUK_RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86_400),
      },
      emailVerificationTtlSeconds: read.int('EMAIL_VERIFICATION_TTL_HOURS', 48, 1, 24 * 30) * 3600,
      passwordResetTtlSeconds: read.int('PASSWORD_RESET_TTL_MINUTES', 60, 5, 24 * 60) * 60,
      accountLinkLimits: {
        resendIntervalSeconds: read.int('ACCOUNT_LINK_RESEND_INTERVAL_SECONDS', 60, 0, 3600),
        resendPerHour: read.int('ACCOUNT_LINK_RESENDS_PER_HOUR', 5, 1, 100),
      },
      unverifiedAccountRetentionDays: read.int('UNVERIFIED_ACCOUNT_RETENTION_DAYS', 30, 1, 3650),
      membershipInvitationTtlDays: read.int('MEMBERSHIP_INVITATION_TTL_DAYS', 14, 1, 90),
      webSessionIdleMinutes: read.int('WEB_SESSION_IDLE_MINUTES', 60, 5, 24 * 60),
      webSessionMaxHours: read.int('WEB_SESSION_MAX_HOURS', 12, 1, 24 * 30),
      oidcStateTtlSeconds: read.int('OIDC_STATE_TTL_SECONDS', 600, 60, 3600),
      oidcSignInCodeTtlSeconds: read.int('OIDC_SIGN_IN_CODE_TTL_SECONDS', 60, 10, 600),
      oidcLinkTtlSeconds: read.int('OIDC_LINK_TTL_MINUTES', 30, 5, 24 * 60) * 60,
      oidcClientSecrets: read.secretsWithPrefix(OIDC_CLIENT_SECRET_PREFIX),
      oidcAllowPrivateIssuers: read.bool('OIDC_ALLOW_PRIVATE_ISSUERS', false),
      apiPublicUrl: read.httpUrl('API_PUBLIC_URL', read.httpUrl('PUBLIC_URL', `http://localhost:${port || 3000}`)),
      geocoder: read.oneOf('GEOCODER', ['offline', 'postcodes.io'] as const, 'offline'),
      postcodesIoUrl: read.string('POSTCODES_IO_URL', 'https://api.postcodes.io'),
      geocoderTimeoutMs: read.int('GEOCODER_TIMEOUT_MS', 2000, 100, 30_000),
      workerInProcess: read.bool('WORKER_IN_PROCESS', nodeEnv !== 'test'),
      mailTransport,
      smtpUrl,
      mailFrom,
      mailDir: resolve(read.string('MAIL_DIR', join(dataDir, 'mail'))),
      publicUrl: read.httpUrl('PUBLIC_URL', `http://localhost:${port || 3000}`),
      workerPollMs: read.int('WORKER_POLL_MS', 2000, 20, 600_000),
      notificationMaxAttempts: read.int('NOTIFY_MAX_ATTEMPTS', 8, 1, 100),
      notificationRetryBaseMs: read.int('NOTIFY_RETRY_BASE_MS', 30_000, 10, 3_600_000),
      notificationLeaseSeconds: read.int('NOTIFY_LEASE_SECONDS', 120, 1, 3600),
      notificationWithdrawWindowSeconds: read.int('NOTIFY_WITHDRAW_WINDOW_SECONDS', 300, 0, 86_400),
      orukImportAllowPrivateUrls: read.bool('ORUK_IMPORT_ALLOW_PRIVATE_NET', false),
      orukImportTimeoutMs: read.int('ORUK_IMPORT_TIMEOUT_MS', 15_000, 100, 300_000),
      orukImportConcurrency: read.int('ORUK_IMPORT_CONCURRENCY', 4, 1, 32),
      graphqlMaxDepth: read.int('GRAPHQL_MAX_DEPTH', 12, 2, 100),
      graphqlMaxComplexity: read.int('GRAPHQL_MAX_COMPLEXITY', 50_000, 10, 10_000_000),
      graphqlMaxRootFields: read.int('GRAPHQL_MAX_ROOT_FIELDS', 20, 1, 1000),
      graphqlMaxAliases: read.int('GRAPHQL_MAX_ALIASES', 50, 0, 10_000),
      graphqlIntrospection: read.bool('GRAPHQL_INTROSPECTION', nodeEnv !== 'production'),
      graphqlFieldSuggestions: read.bool('GRAPHQL_FIELD_SUGGESTIONS', nodeEnv !== 'production'),
      requestBodyLimit: bodyLimit.toLowerCase(),
      corsOrigins: read.list('CORS_ORIGINS'),
    };
    if (read.problems.length > 0) throw new ConfigError(read.problems);
    return new AppConfig(values as AppConfig);
  }

  /** Derives a configuration for tests and tools without touching the environment. */
  with(overrides: Partial<AppConfig>): AppConfig {
    return new AppConfig({ ...this, ...overrides });
  }
}

function resolveJwtSecret(
  read: EnvReader,
  nodeEnv: NodeEnv,
  dataDir: string,
): { value: string; source: AppConfig['jwtSecretSource'] } {
  const fromEnv = read.string('JWT_SECRET');
  if (fromEnv !== undefined) {
    if (fromEnv.length < MIN_SECRET_LENGTH) {
      read.fail(`JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters long`);
    }
    return { value: fromEnv, source: 'environment' };
  }
  if (nodeEnv === 'production') {
    read.fail('JWT_SECRET is required when NODE_ENV=production (at least 32 random characters)');
    return { value: '', source: 'environment' };
  }
  if (nodeEnv === 'test') {
    return { value: randomBytes(32).toString('base64url'), source: 'ephemeral' };
  }
  // Development: generate once, keep beside the embedded data so sessions survive restarts.
  const file = join(dataDir, JWT_SECRET_FILE);
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= MIN_SECRET_LENGTH) return { value: stored, source: 'data-dir' };
  }
  const generated = randomBytes(48).toString('base64url');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${generated}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { value: generated, source: 'data-dir' };
}

/**
 * The configuration of a process that is starting up; on invalid settings, prints what
 * is wrong (by variable, never a secret) and exits, as a command-line program should.
 */
export function configOrExit(env: Record<string, string | undefined> = process.env): AppConfig {
  try {
    return AppConfig.fromEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
