import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** One figure of a run (scale.md §3 "Benchmark results"). */
export type Metric = {
  name: string;
  value: number;
  unit: string;
  /** ours ÷ baseline in the metric's unit; a metric whose target is on the ratio has `value` equal to it. */
  ratio?: number;
  baseline?: { name: string; value: number; unit: string };
  target?: { op: '<=' | '>=' | '<' | '>'; value: number };
};

export type BenchResult = {
  name: string;
  startedAt: string;
  commit: string;
  machine: { cpu: string; cores: number; memoryGiB: number; os: string; node: string };
  engine: { name: string; version: string };
  dataset: { scale: string; seed: number; generatorVersion: string; counts: Record<string, number> };
  metrics: Metric[];
  notes: string;
};

const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * Where a run writes: the default scale to `bench/results/<name>.json` (what acceptance checks read,
 * overwritten by each run); other scales (the gate's toy runs) to `artifacts/bench/<name>.<scale>.json`,
 * so a quick run never replaces measured figures.
 */
export const resultPath = (name: string, scale: string, defaultScale: string): string =>
  scale === defaultScale
    ? join(ROOT, 'bench', 'results', `${name}.json`)
    : join(ROOT, 'artifacts', 'bench', `${name}.${scale}.json`);

/** Names the metrics whose target this run missed. */
export function missedTargets(metrics: readonly Metric[]): string[] {
  const meets = ({ value, target }: Metric): boolean => {
    if (!target) return true;
    if (target.op === '<=') return value <= target.value;
    if (target.op === '>=') return value >= target.value;
    if (target.op === '<') return value < target.value;
    return value > target.value;
  };
  return metrics.filter((metric) => !meets(metric)).map((metric) => metric.name);
}

/** Checks the shape rules of scale.md §3, then writes the file. */
export function writeResult(path: string, result: BenchResult): void {
  if (result.metrics.length === 0) throw new Error('a result needs at least one metric');
  if (!result.metrics.some((metric) => metric.baseline && typeof metric.ratio === 'number'))
    throw new Error('a result needs a metric with a baseline and a ratio');
  for (const metric of result.metrics) {
    if (!Number.isFinite(metric.value)) throw new Error(`metric ${metric.name} has no finite value`);
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
}
