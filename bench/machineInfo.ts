/** What the figures ran on: without it a throughput number means nothing. */
import { cpus, loadavg, platform, release, totalmem } from 'node:os';

export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  /** 1-minute load average when the bench started and when it ended (other work on the box). */
  readonly loadAtStart: number;
  loadAtEnd: number;
}

export function machineInfo(): MachineInfo {
  const cpuList = cpus();
  return {
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    loadAtStart: loadavg()[0]!,
    loadAtEnd: Number.NaN,
  };
}

export function currentLoad(): number {
  return loadavg()[0]!;
}
