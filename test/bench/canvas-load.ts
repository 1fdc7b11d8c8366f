// How busy the machine was with other work while a section of the canvas benchmark ran. The
// benchmark itself is several processes (this one, our server restarted several times, the
// stock server, Chromium and its helpers), so "ours" is this process and every descendant,
// counting descendants that already exited through the children's CPU time Linux adds to
// their parent when it reaps them. Everything else busy on the machine is "other": on a
// shared 2-core box it is the first thing to check before believing a slow figure.
import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** USER_HZ: /proc reports CPU times in 1/100 s on every common Linux build. */
const msPerTick = 10;

interface ProcStat {
  readonly ppid: number;
  /** utime + stime + cutime + cstime: the process and its reaped children. */
  readonly cpuMs: number;
}

function readStat(pid: number | 'self'): ProcStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command name (in parentheses, may hold spaces): state is field 3 of the line.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [ppid, utime, stime, cutime, cstime] = [fields[1], fields[11], fields[12], fields[13], fields[14]].map(Number);
    return { ppid: ppid ?? 0, cpuMs: ((utime ?? 0) + (stime ?? 0) + (cutime ?? 0) + (cstime ?? 0)) * msPerTick };
  } catch {
    return undefined; // exited meanwhile
  }
}

/** CPU of this process, its reaped children, and every live descendant. */
function benchCpuMs(): number {
  const stats = new Map<number, ProcStat>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.set(Number(entry), stat);
  }
  let total = readStat('self')?.cpuMs ?? 0;
  const parents = [process.pid];
  while (parents.length > 0) {
    const parent = parents.pop();
    for (const [pid, stat] of stats) {
      if (stat.ppid !== parent) continue;
      total += stat.cpuMs;
      parents.push(pid);
    }
  }
  return total;
}

function machineBusyMs(): number {
  const first = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  // cpu user nice system idle iowait irq softirq steal ...
  const [user, nice, system, , , irq, softirq, steal] = first.trim().split(/\s+/).slice(1).map(Number);
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) * msPerTick;
}

export interface MachineLoad {
  /** Average cores busy with this benchmark's processes. */
  readonly benchCores: number;
  /** Average cores busy with anything else. */
  readonly otherCores: number;
  readonly cores: number;
}

export function startLoadWindow(): () => MachineLoad {
  const startedAt = performance.now();
  const bench = benchCpuMs();
  const machine = machineBusyMs();
  return () => {
    const wallMs = Math.max(1, performance.now() - startedAt);
    const benchMs = benchCpuMs() - bench;
    const otherMs = Math.max(0, machineBusyMs() - machine - benchMs);
    return { benchCores: benchMs / wallMs, otherCores: otherMs / wallMs, cores: availableParallelism() };
  };
}

export function describeLoad(load: MachineLoad): string {
  return `CPU meanwhile: this benchmark ${load.benchCores.toFixed(2)} cores, other processes ${load.otherCores.toFixed(2)} of ${load.cores} cores`;
}
