/**
 * Reading and validating environment variables. Each reader names the variable in
 * its error so a misconfigured deployment says exactly what to fix.
 */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Collects problems across all variables so one boot reports every mistake at once. */
export class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  private raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  string(name: string, fallback: string): string;
  string(name: string): string | undefined;
  string(name: string, fallback?: string): string | undefined {
    return this.raw(name) ?? fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
    return fallback;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!/^-?\d+$/.test(value) || parsed < min || parsed > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
      return fallback;
    }
    return parsed;
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes', 'on'].includes(value)) return true;
    if (['false', '0', 'no', 'off'].includes(value)) return false;
    this.problems.push(`${name} must be true or false (got "${value}")`);
    return fallback;
  }

  postgresUrl(name: string): string | undefined {
    return this.secretUrl(name, ['postgres:', 'postgresql:']);
  }

  /** A URL that may carry a password: checked for its scheme, never echoed. */
  secretUrl(name: string, protocols: string[]): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    try {
      if (!protocols.includes(new URL(value).protocol)) throw new Error('protocol');
      return value;
    } catch {
      this.problems.push(`${name} must be a ${protocols.map((protocol) => `${protocol}//`).join(' or ')} URL`);
      return undefined;
    }
  }

  httpUrl(name: string, fallback: string): string {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    try {
      const url = new URL(value);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
      return value.replace(/\/+$/, '');
    } catch {
      this.problems.push(`${name} must be an http:// or https:// URL (got "${value}")`);
      return fallback;
    }
  }

  list(name: string): string[] {
    const value = this.raw(name);
    return value === undefined
      ? []
      : value
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean);
  }

  /** Every variable whose name starts with `prefix`, by name: values are secrets, never echoed. */
  secretsWithPrefix(prefix: string): ReadonlyMap<string, string> {
    const secrets = new Map<string, string>();
    for (const name of Object.keys(this.env).sort()) {
      if (!name.startsWith(prefix)) continue;
      const value = this.raw(name);
      if (value !== undefined) secrets.set(name, value);
    }
    return secrets;
  }

  fail(problem: string): void {
    this.problems.push(problem);
  }
}
