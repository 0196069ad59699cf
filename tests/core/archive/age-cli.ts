import { spawn, spawnSync } from 'node:child_process';

/** Why the age CLI tests cannot run here, or null when `age` and `script` are on PATH. */
export function ageCliMissing(): string | null {
  for (const tool of ['age', 'script']) {
    const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
    if (found.status !== 0) return `${tool} is not on PATH (.ci/run installs it)`;
  }
  return null;
}

const quote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

export interface PtyRun {
  code: number | null;
  output: string;
  /** From typing the last passphrase to the process ending: the tool's own work. */
  workMs: number;
}

/**
 * Run the age CLI with its passphrase prompts answered through a pseudo-terminal: age reads
 * passphrases from the terminal, never from stdin, so `script` gives it one. Each time a prompt
 * mentioning "passphrase" appears, the passphrase is typed.
 */
export function runAgeWithPty(args: readonly string[], passphrase: string, timeoutMs = 60_000): Promise<PtyRun> {
  const command = ['age', ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let answered = 0;
    let typedAt = performance.now();
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`age ${args.join(' ')} did not finish: ${output}`));
    }, timeoutMs);
    const onData = (data: Buffer) => {
      output += data.toString('utf8');
      const prompts = output.match(/passphrase/gi)?.length ?? 0;
      while (answered < prompts) {
        answered += 1;
        child.stdin.write(`${passphrase}\n`);
        typedAt = performance.now();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output, workMs: performance.now() - typedAt });
    });
  });
}
