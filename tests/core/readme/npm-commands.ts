/**
 * Checks that the npm commands a README shows in code exist and run something that exists: each
 * `npm run X` (and lifecycle `npm test`, `npm start`…) needs a package.json script, and each file a
 * script hands to node/bash/sh must be in the repository, or be a build output that an earlier step
 * of the same script builds.
 */

/** npm's own commands (and aliases): they need no script. `npm run` alone lists the scripts. */
const NPM_BUILTINS = new Set(
  (
    'access add adduser audit bugs cache ci cit clean-install completion config dedupe deprecate diff dist-tag docs doctor ' +
    'edit exec explain explore find-dupes fund help hook i init install isntall link ln login logout ls list org outdated ' +
    'owner pack ping pkg prefix profile prune publish query rebuild repo root run run-script sbom search shrinkwrap star ' +
    'stars team token un uninstall unpublish unstar up update version view whoami x'
  ).split(' '),
);
/** Lifecycle commands: `npm test` runs the `test` script and fails without one. */
const NPM_LIFECYCLE: Record<string, string> = { test: 'test', t: 'test', tst: 'test', start: 'start', stop: 'stop', restart: 'restart' };

export type NpmCommand = { kind: 'script'; script: string; text: string } | { kind: 'builtin'; text: string } | { kind: 'unknown'; text: string };

/** Everything a Markdown document shows as code: fenced blocks and inline code spans. */
export function codeIn(markdown: string): string[] {
  const code: string[] = [];
  const prose = markdown.replace(/^( {0,3})(`{3,}|~{3,})[^\n]*\n([\s\S]*?)^ {0,3}\2[`~]*[ \t]*$/gm, (_block, _indent, _fence, body: string) => {
    code.push(body);
    return '';
  });
  for (const span of prose.matchAll(/(`+)(?!`)([\s\S]+?)(?<!`)\1(?!`)/g)) code.push(span[2]!);
  return code;
}

/** The npm invocations in a piece of shell: `npm run X`, `npm run-script X`, `npm test`, `npm ci`… */
export function npmCommandsIn(shell: string): NpmCommand[] {
  const commands: NpmCommand[] = [];
  for (const match of shell.matchAll(/(?<![\w@/.-])npm\s+(?:(?:run|run-script)\s+(?<script>[\w:.-]+)|(?<word>[\w.-]+))/g)) {
    const text = match[0];
    const { script, word } = match.groups!;
    if (script) commands.push({ kind: 'script', script, text });
    else if (word! in NPM_LIFECYCLE) commands.push({ kind: 'script', script: NPM_LIFECYCLE[word!]!, text });
    else commands.push({ kind: NPM_BUILTINS.has(word!) ? 'builtin' : 'unknown', text });
  }
  return commands;
}

export interface Project {
  scripts: Record<string, string>;
  exists: (path: string) => boolean;
  /** What a build command produces: path prefixes under out/, or null when the command builds nothing. */
  buildsOutputs: (command: string) => string[] | null;
}

type Step = { kind: 'command'; text: string } | { kind: 'file'; path: string; script: string } | { kind: 'problem'; text: string };

/** A script expanded into the commands it runs, in order, `npm run Y` steps replaced by Y's own. */
function stepsOf(script: string, project: Project, seen: string[] = []): Step[] {
  const body = project.scripts[script];
  if (body === undefined) return [{ kind: 'problem', text: `package.json has no "${script}" script` }];
  if (seen.includes(script)) return [{ kind: 'problem', text: `script "${script}" runs itself (${[...seen, script].join(' → ')})` }];
  return body.split(/&&|\|\||[;|]/).flatMap((part): Step[] => {
    // Leading VAR=value assignments set the environment; they are not the command.
    const words = part.trim().split(/\s+/).filter(Boolean);
    while (words[0] && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) words.shift();
    const text = words.join(' ');
    if (words[0] === 'npm') {
      return npmCommandsIn(text).flatMap((command): Step[] => {
        if (command.kind === 'script') return stepsOf(command.script, project, [...seen, script]);
        if (command.kind === 'unknown') return [{ kind: 'problem', text: `script "${script}" runs \`${command.text}\`, which is not an npm command` }];
        return [{ kind: 'command', text }];
      });
    }
    if (words[0] === 'node' || words[0] === 'bash' || words[0] === 'sh') {
      const path = words.slice(1).find((word) => !word.startsWith('-'));
      if (path) return [{ kind: 'command', text }, { kind: 'file', path: path.replace(/^\.\//, ''), script }];
    }
    return [{ kind: 'command', text }];
  });
}

/** Every problem with the npm commands `markdown` shows; none means each one points somewhere real. */
export function readmeCommandProblems(markdown: string, project: Project): string[] {
  const problems = new Set<string>();
  for (const command of codeIn(markdown).flatMap(npmCommandsIn)) {
    if (command.kind === 'unknown') problems.add(`\`${command.text}\` is not an npm command`);
    if (command.kind !== 'script') continue;
    const built: string[] = [];
    for (const step of stepsOf(command.script, project)) {
      if (step.kind === 'problem') problems.add(`\`${command.text}\`: ${step.text}`);
      if (step.kind === 'command') built.push(...(project.buildsOutputs(step.text) ?? []));
      if (step.kind !== 'file') continue;
      if (step.path.startsWith('out/')) {
        if (!built.some((output) => step.path.startsWith(output))) {
          problems.add(`\`${command.text}\`: script "${step.script}" runs ${step.path}, which no earlier step of it builds`);
        }
      } else if (!project.exists(step.path)) {
        problems.add(`\`${command.text}\`: script "${step.script}" runs ${step.path}, which is not in the repository`);
      }
    }
  }
  return [...problems];
}
