import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContextValues {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContextValues>();

/** Runs the rest of a request inside its context, so logs and audit rows can name the request. */
export function runInRequestContext<T>(values: RequestContextValues, fn: () => T): T {
  return storage.run(values, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
