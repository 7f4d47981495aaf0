// The deployment recipes in deploy/ run the server unprivileged and sandboxed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const UNIT = path.join(ROOT, 'deploy', 'strategigraf.service');
const CONTAINERFILE = path.join(ROOT, 'deploy', 'Containerfile');

/** The directives of a systemd unit as name → every value given (in order). */
function directives(text: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('[')) continue;
    const eq = line.indexOf('=');
    const name = line.slice(0, eq);
    map.set(name, [...(map.get(name) ?? []), line.slice(eq + 1)]);
  }
  return map;
}

describe('deploy/strategigraf.service', () => {
  const text = readFileSync(UNIT, 'utf8');
  const unit = directives(text);
  const one = (name: string) => {
    expect(unit.get(name), name).toHaveLength(1);
    return unit.get(name)![0]!;
  };

  it('runs the server as a dedicated unprivileged user that cannot gain privileges', () => {
    expect(one('User')).toBe('strategigraf');
    expect(one('Group')).toBe('strategigraf');
    expect(one('NoNewPrivileges')).toBe('yes');
    expect(one('CapabilityBoundingSet')).toBe('');
    expect(one('AmbientCapabilities')).toBe('');
  });

  it('sandboxes it: read-only system, no home, private /tmp, IP and Unix sockets only, bounded memory', () => {
    expect(one('ProtectSystem')).toBe('strict');
    expect(one('ProtectHome')).toBe('yes');
    expect(one('PrivateTmp')).toBe('yes');
    expect(one('RestrictAddressFamilies').split(/\s+/).sort()).toEqual(['AF_INET', 'AF_INET6', 'AF_UNIX']);
    expect(one('MemoryMax')).toMatch(/^\d+[KMG]$/);
    // V8's JIT needs writable executable memory; this setting would crash Node.
    expect(unit.has('MemoryDenyWriteExecute')).toBe(false);
  });

  it('lets it write its data directory and nothing else, where the embedded store lives', () => {
    expect(one('ReadWritePaths')).toBe('/var/lib/strategigraf');
    expect(one('StateDirectory')).toBe('strategigraf');
    const environment = one('Environment');
    expect(environment).toContain('STRATEGIGRAF_DB=/var/lib/strategigraf/');
    expect(environment).toContain('HOST=127.0.0.1');
    // The engine's threads would otherwise each keep a malloc arena of freed memory.
    expect(environment).toContain('MALLOC_ARENA_MAX=2');
  });

  it('takes the admin token and NEO4J_URI from an environment file, not from the unit', () => {
    expect(one('EnvironmentFile')).toBe('/etc/strategigraf/strategigraf.env');
    expect(text).toMatch(/^#\s+STRATEGIGRAF_ADMIN_TOKEN=/m);
    expect(text).toMatch(/^#\s+NEO4J_URI=/m);
    expect(one('Environment')).not.toMatch(/TOKEN|PASSWORD/);
  });

  it("starts this package's CLI without --build-web (the code is read-only to the service) and stops it with SIGTERM", () => {
    const exec = one('ExecStart').split(/\s+/);
    expect(exec.slice(-2)).toEqual(['/opt/strategigraf/bin/strategigraf.mjs', 'serve']);
    expect(existsSync(path.join(ROOT, 'bin', 'strategigraf.mjs'))).toBe(true);
    expect(one('KillSignal')).toBe('SIGTERM');
  });

  it('is a unit systemd accepts, where systemd-analyze is installed', () => {
    const check = spawnSync('systemd-analyze', ['verify', UNIT], { encoding: 'utf8' });
    if (check.error) return; // no systemd here
    // Missing users and paths are expected off the target machine; syntax problems are not.
    const problems = `${check.stdout}${check.stderr}`.split('\n').filter((l) => /Unknown (key|section)|Invalid|Failed to parse|bad-setting/i.test(l));
    expect(problems).toEqual([]);
  });
});

describe('deploy/Containerfile', () => {
  const text = readFileSync(CONTAINERFILE, 'utf8');
  const instructions = text.split('\n').filter((l) => /^[A-Z]+\s/.test(l));

  it('runs the server as a non-root user, writing only its data volume', () => {
    const users = instructions.filter((l) => l.startsWith('USER '));
    expect(users.length).toBeGreaterThan(0);
    const final = users.at(-1)!.slice('USER '.length).trim();
    expect(final).not.toMatch(/^(root|0)(:|$)/);
    expect(instructions.indexOf(users.at(-1)!)).toBeGreaterThan(instructions.findLastIndex((l) => l.startsWith('FROM ')));
    expect(text).toMatch(/STRATEGIGRAF_DB=\/data\//);
    expect(instructions).toContain('VOLUME /data');
    expect(instructions.at(-1)).toBe('CMD ["node", "bin/strategigraf.mjs", "serve"]');
  });
});
