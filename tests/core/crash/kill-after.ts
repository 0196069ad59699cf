import { spawn } from 'node:child_process';

/**
 * Run a writer child that prints one number per durable commit, and SIGKILL it once it has
 * reported `killAfter` of them. Resolves with every number it reported before it died; rejects if
 * it ended on its own (the kill then proved nothing).
 */
export function runAndKill(bundle: string, args: readonly string[], killAfter: number): Promise<number[]> {
  return new Promise<number[]>((resolve, reject) => {
    const seen: number[] = [];
    const proc = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (/^\d+$/.test(line)) seen.push(Number(line));
      if (seen.length >= killAfter && !proc.killed) proc.kill('SIGKILL');
    });
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(seen);
      else reject(new Error(`child ended without being killed (code ${code}): ${stderr}`));
    });
  });
}
