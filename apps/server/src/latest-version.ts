/**
 * Reads a version that other processes move, as cheaply as correctness allows. A caller must see
 * every write committed before it asked, so it cannot share a read that was already running when
 * it arrived — but it can share the next one. At most one read is running and one queued, so under
 * any load the database sees about one version read per round trip, and each caller waits at most
 * two round trips.
 */
export function latestVersion(read: () => Promise<number>): () => Promise<number> {
  let running: Promise<number> | undefined;
  let queued: Promise<number> | undefined;
  const start = () => {
    const reading = read();
    running = reading;
    const settle = () => {
      if (running === reading) running = undefined;
    };
    reading.then(settle, settle);
    return reading;
  };
  return () => {
    if (!running) return start();
    queued ??= running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        queued = undefined;
        return start();
      });
    return queued;
  };
}
