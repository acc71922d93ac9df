import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import type { BenchResult } from './results.ts';

function osName(): string {
  if (!existsSync('/etc/os-release')) return process.platform;
  const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'));
  return pretty?.[1] ?? process.platform;
}

/** Machine facts of scale.md §3: CPU model and cores, memory, OS, Node version. */
export function machineFacts(): BenchResult['machine'] {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: osName(),
    node: process.versions.node,
  };
}

/** The short commit the run measured (read-only git), or `unknown` outside a checkout. */
export function commitOf(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

/** Peak resident set size of another process (VmHWM), in MiB; undefined when /proc has no such process. */
export function peakRssMiB(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]);
    return Number.isFinite(kib) ? kib / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Peak resident set size of this process so far, in MiB (`process.resourceUsage().maxRSS` is in KiB). */
export const ownPeakRssMiB = (): number => process.resourceUsage().maxRSS / 1024;
