import type { Logger } from '../logger.ts';

export interface RecurringJob {
  /** One run now; resolves with how many things it handled. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/** Runs `batch` until it handles nothing more; resolves with how many it handled in all. */
export async function drainBatches(batch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const handled = await batch();
    total += handled;
    if (handled === 0) return total;
  }
}

/**
 * Runs `work` every `everyMs`, never two runs at once. The work reads what is due from the
 * database, so a restart or a second server process loses nothing; row locks in the work
 * make a run on two processes at once harmless.
 */
export function startRecurringJob(options: {
  name: string;
  everyMs: number;
  logger: Logger;
  work: () => Promise<number>;
}): RecurringJob {
  const { name, logger, work } = options;
  let running: Promise<number> | null = null;

  function runOnce(): Promise<number> {
    running ??= work()
      .then((handled) => {
        if (handled > 0) logger.info({ job: name, handled }, `${name}: done`);
        return handled;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  const timer = setInterval(() => {
    runOnce().catch((error: unknown) => logger.error({ err: error, job: name }, `${name} failed`));
  }, options.everyMs);
  timer.unref();

  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => 0);
    },
  };
}
