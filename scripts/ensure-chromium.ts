/**
 * `npm test`'s first step: the browser tests need Debian's Chromium. When it is missing,
 * install it (as root, with apt-get) or, where that is not possible, stop at once with the
 * one command to run, so a fresh machine never meets a screen of "Chromium not found".
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

/** Where the browser tests look for Chromium: `CHROME_PATH` if set, else Debian's. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export interface Machine {
  /** `CHROME_PATH`, if set. */
  chromePath: string | undefined;
  isExecutable(path: string): boolean;
  isRoot: boolean;
  hasAptGet: boolean;
}

export type Plan =
  | { do: 'nothing'; path: string }
  | { do: 'install' }
  | { do: 'stop'; message: string };

/** What to do about Chromium on `machine`. */
export function planChromium(machine: Machine): Plan {
  if (machine.chromePath !== undefined && machine.chromePath !== '') {
    if (machine.isExecutable(machine.chromePath)) return { do: 'nothing', path: machine.chromePath };
    return { do: 'stop', message: `CHROME_PATH is ${JSON.stringify(machine.chromePath)}, but there is no Chromium there; unset CHROME_PATH to use Debian's ${DEFAULT_CHROMIUM}, or point it at a Chromium` };
  }
  if (machine.isExecutable(DEFAULT_CHROMIUM)) return { do: 'nothing', path: DEFAULT_CHROMIUM };
  if (machine.isRoot && machine.hasAptGet) return { do: 'install' };
  return {
    do: 'stop',
    message: `the browser tests need Debian's Chromium at ${DEFAULT_CHROMIUM}, and this user cannot install it; run\n\n  sudo apt-get update && sudo apt-get install -y chromium\n\nthen "npm test" again (or set CHROME_PATH to another Chromium)`,
  };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function main(): number {
  const plan = planChromium({
    chromePath: process.env.CHROME_PATH,
    isExecutable,
    isRoot: process.getuid?.() === 0,
    hasAptGet: isExecutable('/usr/bin/apt-get'),
  });
  if (plan.do === 'nothing') return 0;
  if (plan.do === 'stop') {
    console.error(`npm test: ${plan.message}`);
    return 1;
  }
  console.log(`npm test: Chromium is missing; installing Debian's chromium with apt-get (once)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  } catch (error) {
    console.error(`npm test: installing chromium failed (${(error as Error).message}); run "apt-get update && apt-get install -y chromium" and see what it says`);
    return 1;
  }
  if (!isExecutable(DEFAULT_CHROMIUM)) {
    console.error(`npm test: apt-get finished, but ${DEFAULT_CHROMIUM} is still missing; run "apt-get install -y chromium" and see what it says`);
    return 1;
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(main());
