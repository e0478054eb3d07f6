/**
 * What the command-line programs share: usage errors (exit code 2), reading a JSON file, and
 * the application they run in: the database and the domain modules they name, without
 * the HTTP and GraphQL server. The application is loaded only once the arguments and
 * files have been read (loading takes seconds; a typo should not), so everything heavy
 * is imported on demand.
 */
import { readFileSync } from 'node:fs';
import type { DynamicModule, INestApplicationContext, Type } from '@nestjs/common';

/** A problem with the arguments or the source: exit code 2. */
export class UsageError extends Error {}

/** A file's JSON (a byte order mark is allowed), or a UsageError saying why not. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON (${(error as Error).message})`);
  }
}

class CommandLineModule {}

/**
 * Runs `work` in an application context with the configuration (from the environment,
 * LOG_LEVEL warn unless set), the database (migrated first) and `modules`; closes it after.
 * A BAD_USER_INPUT from the work becomes a UsageError, its message put in words by `explain`.
 */
export async function inApplication<T>(
  modules: () => Promise<(Type | DynamicModule)[]>,
  work: (app: INestApplicationContext) => Promise<T>,
  explain: (message: string) => string,
): Promise<T> {
  const [
    { NestFactory },
    { ConfigModule, configOrExit },
    { CommonModule, createLogger, DomainError },
    { DatabaseModule },
    { SCHEMA },
    domain,
  ] = await Promise.all([
    import('@nestjs/core'),
    import('@cohesion/config'),
    import('@cohesion/common'),
    import('@cohesion/database'),
    import('@cohesion/platform'),
    modules(),
  ]);
  const config = configOrExit({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const app = await NestFactory.createApplicationContext(
    {
      module: CommandLineModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule.forRoot(createLogger(config)),
        DatabaseModule.forRoot(SCHEMA),
        ...domain,
      ],
    },
    { logger: false, abortOnError: false },
  );
  try {
    return await work(app);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'BAD_USER_INPUT') throw new UsageError(explain(error.message));
    throw error;
  } finally {
    await app.close();
  }
}

/** Resolves once everything written to `stream` so far has reached the operating system (a pipe's reader may be slow). */
function written(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.writableLength === 0) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('error', () => resolve());
    stream.write('', () => resolve());
  });
}

/**
 * Exits with `code` once stdout and stderr are written out. `process.exit` alone drops
 * what a pipe has not taken yet (all but the first 64 KiB of a report read through `| cat`).
 */
export async function exitWhenWritten(code: number): Promise<never> {
  await Promise.all([written(process.stdout), written(process.stderr)]);
  process.exit(code);
}

/**
 * Runs a command's main and exits with its code: 2 for a UsageError (its message on stderr),
 * 1 for a failure (`what` failed, with the stack).
 */
export function runCommand(main: () => Promise<number>, what = 'The import'): void {
  main().then(exitWhenWritten, (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return exitWhenWritten(2);
    }
    process.stderr.write(`${what} failed: ${(error as Error).stack ?? String(error)}\n`);
    return exitWhenWritten(1);
  });
}
