/** Runs `work` over `items` with `concurrency` workers; returns throughput and latency figures. */
export async function measure<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        const begin = performance.now();
        await work(item);
        latencies.push(performance.now() - begin);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return { count: items.length, perSecond: items.length / seconds, p50: percentile(50), p95: percentile(95) };
}

export function describe(label: string, figures: Awaited<ReturnType<typeof measure>>): string {
  return `${label.padEnd(34)} ${figures.perSecond.toFixed(1).padStart(8)}/s   p50 ${figures.p50.toFixed(1).padStart(7)} ms   p95 ${figures.p95.toFixed(1).padStart(7)} ms   (${figures.count})`;
}
