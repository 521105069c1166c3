/** What the suite ran on: CPU, memory, OS, Node, Chromium, and the disk under the temp folder. */
import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Machine } from './report';

function tryRun(file: string, args: string[]): string | null {
  try {
    return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 20_000 }).trim();
  } catch {
    return null;
  }
}

function tryRead(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

function osName(): string {
  const release = tryRead('/etc/os-release');
  const pretty = release && /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1];
  return `${pretty ? `${pretty}, ` : ''}${os.type()} ${os.release()} (${os.platform()}-${os.arch()})`;
}

/** "/dev/vda, ext4 (rw,relatime), mounted on /, the kernel reports rotational=0" — as much as the system tells. */
function diskOf(dir: string): string {
  if (process.platform === 'win32') return 'unknown (Windows)';
  const df = tryRun('df', ['-PT', dir])?.split('\n')[1]?.split(/\s+/);
  if (!df || df.length < 7) return 'unknown';
  const [device, type] = df;
  const mount = df.slice(6).join(' ');
  const options = tryRun('findmnt', ['-no', 'OPTIONS', '-T', dir]);
  const parts = [device!, `${type}${options ? ` (${options})` : ''}`, `mounted on ${mount}`];
  const blockName = device!.startsWith('/dev/') ? path.basename(device!).replace(/p?\d+$/, '') : null;
  if (blockName) {
    const rotational = tryRead(`/sys/block/${blockName}/queue/rotational`) ?? tryRead(`/sys/block/${path.basename(device!)}/queue/rotational`);
    // Virtual disks often say rotational whatever backs them: reported as the kernel says it.
    if (rotational !== null) parts.push(`the kernel reports rotational=${rotational}`);
    const model = tryRead(`/sys/block/${blockName}/device/model`);
    if (model) parts.push(`model ${model}`);
  }
  return parts.join(', ');
}

export function describeMachine(chromiumPath: string, now = new Date()): Machine {
  const cpus = os.cpus();
  const tempDir = realpathSync(os.tmpdir());
  const chromium = tryRun(chromiumPath, ['--version']);
  return {
    cpu: `${cpus[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown'}${/^flags\s*:.*\bhypervisor\b/m.test(tryRead('/proc/cpuinfo') ?? '') ? ' (virtual machine: the CPU reports a hypervisor)' : ''}`,
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: osName(),
    node: process.version,
    chromium: chromium ? `${chromium} (${chromiumPath})` : `not found at ${chromiumPath}`,
    tempDir,
    tempDisk: diskOf(tempDir),
    date: now.toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}
