import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  /** The load average (1, 5 and 15 minutes) when the run started: the machine is shared. */
  loadBefore: number[];
}

export function machine(): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: totalmem() / 2 ** 30,
    os: `${osType()} ${release()}`,
    node: process.version,
    loadBefore: loadavg(),
  };
}
