import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../logging/logger.token.js';

/** Work done in the background, in rounds: deliver emails, expire old requests. */
export interface BackgroundTask {
  /** Shown in logs. */
  readonly name: string;
  /** One round of work; returns how many items it handled (0: nothing to do, wait before looking again). */
  runOnce(): Promise<number>;
}

/** Where domains register their background tasks; the runner (in the API or the worker process) runs them. */
@Injectable()
export class BackgroundTasks {
  private readonly tasks: BackgroundTask[] = [];

  register(task: BackgroundTask): void {
    if (this.tasks.some((known) => known.name === task.name)) throw new Error(`Task ${task.name} is registered twice`);
    this.tasks.push(task);
  }

  get all(): readonly BackgroundTask[] {
    return this.tasks;
  }
}

/**
 * Runs every registered task in its own loop: a round that handled something is
 * followed at once by another (draining a backlog), an idle or failed one by a pause.
 * Stopping lets the round in progress finish, so nothing claimed is left mid-way.
 */
@Injectable()
export class BackgroundRunner implements OnModuleDestroy {
  private loops: Promise<void>[] = [];
  private stopping = false;
  private readonly wakers = new Set<() => void>();

  constructor(
    private readonly tasks: BackgroundTasks,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get running(): boolean {
    return this.loops.length > 0 && !this.stopping;
  }

  start(idleMs: number): void {
    if (this.loops.length > 0) return;
    this.stopping = false;
    this.loops = this.tasks.all.map((task) => this.loop(task, idleMs));
    this.logger.info({ tasks: this.tasks.all.map((task) => task.name) }, 'Background work started');
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const wake of this.wakers) wake();
    await Promise.all(this.loops);
    this.loops = [];
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  private async loop(task: BackgroundTask, idleMs: number): Promise<void> {
    while (!this.stopping) {
      let handled = 0;
      try {
        handled = await task.runOnce();
      } catch (error) {
        this.logger.error({ task: task.name, error: (error as Error).message }, 'Background task failed');
      }
      if (handled === 0 && !this.stopping) await this.pause(idleMs);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }
}
