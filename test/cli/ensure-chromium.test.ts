import { describe, expect, it } from 'vitest';
import { DEFAULT_CHROMIUM, type Machine, planChromium } from '../../scripts/ensure-chromium.js';

const machine = (facts: Partial<Machine> & { present?: string[] }): Machine => ({
  chromePath: undefined,
  isRoot: false,
  hasAptGet: true,
  isExecutable: (path) => (facts.present ?? []).includes(path),
  ...facts,
});

describe('ensure-chromium', () => {
  describe('planChromium', () => {
    it('does nothing when Debian\'s Chromium is there', () => {
      expect(planChromium(machine({ present: [DEFAULT_CHROMIUM] }))).toEqual({ do: 'nothing', path: DEFAULT_CHROMIUM });
    });

    it('installs it with apt-get when it is missing and the user is root (a fresh machine, CI)', () => {
      expect(planChromium(machine({ isRoot: true }))).toEqual({ do: 'install' });
    });

    it('stops at once with the one command to run when it cannot install', () => {
      const plan = planChromium(machine({ isRoot: false }));
      expect(plan.do).toBe('stop');
      expect(plan.do === 'stop' && plan.message).toContain('sudo apt-get update && sudo apt-get install -y chromium');
    });

    it('uses CHROME_PATH when it points at a Chromium, and says so when it does not', () => {
      expect(planChromium(machine({ chromePath: '/opt/c', present: ['/opt/c'] }))).toEqual({ do: 'nothing', path: '/opt/c' });
      const plan = planChromium(machine({ chromePath: '/opt/none', isRoot: true }));
      expect(plan.do === 'stop' && plan.message).toMatch(/^CHROME_PATH is "\/opt\/none", but there is no Chromium there/);
    });
  });
});

describe('npm test', () => {
  it('gets Chromium ready before anything else, so the README\'s command works on a fresh machine', async () => {
    const { readFile } = await import('node:fs/promises');
    const scripts = JSON.parse(await readFile('package.json', 'utf8')).scripts as Record<string, string>;
    expect(scripts.test).toMatch(/^tsx scripts\/ensure-chromium\.ts && /);
    // CI runs the README's command and nothing else installs the browser.
    const ci = await readFile('.ci/run', 'utf8');
    expect(ci).not.toMatch(/apt-get/);
    expect(ci).toMatch(/npm ci[^\n]*\n+npm test\s*$/);
  });
});
