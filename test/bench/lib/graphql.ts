import http from 'node:http';
import { post } from './load.js';

export interface GqlResponse {
  data?: Record<string, unknown>;
  errors?: { message: string }[];
}

/** One GraphQL request outside the timed runs (set-up and correctness checks). */
export async function gql(
  url: URL,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<GqlResponse> {
  const agent = new http.Agent({ keepAlive: false });
  const response = await post(
    agent,
    url,
    JSON.stringify({ query, variables }),
    token ? { authorization: `Bearer ${token}` } : {},
  );
  return JSON.parse(response.body) as GqlResponse;
}

/** Signs in through the API and returns the access token. */
export async function signIn(url: URL, email: string, password: string): Promise<string> {
  const login = await gql(url, `mutation L($input: LoginInput!) { login(input: $input) { accessToken } }`, {
    input: { email, password },
  });
  const token = (login.data?.login as { accessToken: string } | undefined)?.accessToken;
  if (!token) throw new Error(`Could not sign in as ${email}: ${JSON.stringify(login.errors)}`);
  return token;
}

/** Command-line flags every benchmark takes: --fresh (rebuild the dataset), --seconds N per run. */
export function benchArgs(): { fresh: boolean; seconds: number } {
  const argv = process.argv.slice(2);
  const index = argv.indexOf('--seconds');
  return { fresh: argv.includes('--fresh'), seconds: index >= 0 ? Number(argv[index + 1]) : 10 };
}
