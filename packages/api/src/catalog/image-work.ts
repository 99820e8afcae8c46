/**
 * Image work (decoding, scaling, encoding) is CPU-bound: a large original costs about a second of
 * a core. A process does one piece at a time, so the other core stays with shoppers' requests
 * however many images are asked for at once. A request for image work waits in a short line and,
 * past it, is told to come back (503) rather than queued without end; a background job waits its
 * turn.
 */
import { unavailable } from "../errors.ts";

export const IMAGE_WORK_LIMITS = { concurrency: 1, waiting: 8 } as const;

export type ImageWorkLimiter = <T>(work: () => Promise<T>, when: "wait" | "or-refuse") => Promise<T>;

export function imageWorkLimiter(limits: { concurrency: number; waiting: number }): ImageWorkLimiter {
  let running = 0;
  const line: (() => void)[] = [];
  return async (work, when) => {
    if (running < limits.concurrency) running += 1;
    else if (when === "or-refuse" && line.length >= limits.waiting) {
      throw unavailable("Images are being prepared; try again in a moment");
    } else {
      // The slot is handed over by the one leaving it, so `running` already counts this one.
      await new Promise<void>((resolve) => line.push(resolve));
    }
    try {
      return await work();
    } finally {
      const next = line.shift();
      if (next) next();
      else running -= 1;
    }
  };
}

/** The process's one line for image work. */
export const imageWork = imageWorkLimiter(IMAGE_WORK_LIMITS);
