// Where the CPU went during a measured window: the server under test, this (client) process,
// and everything else on the machine. On a shared 2-core box "everything else" (a test run, a
// build) is the usual reason for a bad round, and the report should say so instead of
// blaming the server.
import { readFileSync } from 'node:fs';

/** Linux reports /proc CPU times in clock ticks of 1/100 s on every common build (USER_HZ). */
const msPerTick = 10;

/** CPU time (user + system) the process has used so far, from /proc/<pid>/stat. */
export function readProcessCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may itself contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
  return (Number(fields[11]) + Number(fields[12])) * msPerTick;
}

/** Busy CPU time of the whole machine (all cores, everything but idle and iowait), from /proc/stat. */
function readMachineBusyMs(): number {
  const first = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  // cpu user nice system idle iowait irq softirq steal ...
  const [user, nice, system, , , irq, softirq, steal] = first.trim().split(/\s+/).slice(1).map(Number);
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) * msPerTick;
}

export interface CpuSplit {
  readonly serverMs: number;
  readonly clientMs: number;
  /** Other processes on the machine; tick rounding can make it slightly negative, so it is clamped. */
  readonly otherMs: number;
}

/** Starts counting now; the returned function tells how the CPU was spent since. */
export function startCpuWindow(serverPid: number): () => CpuSplit {
  const server = readProcessCpuMs(serverPid);
  const client = process.cpuUsage();
  const machine = readMachineBusyMs();
  return () => {
    const serverMs = readProcessCpuMs(serverPid) - server;
    const used = process.cpuUsage(client);
    const clientMs = (used.user + used.system) / 1000;
    const otherMs = Math.max(0, readMachineBusyMs() - machine - serverMs - clientMs);
    return { serverMs, clientMs, otherMs };
  };
}
