// Which origins may act for the board: from configuration only, never from the request.
import { describe, expect, it } from 'vitest';
import { boardOrigins, createOriginPolicy, type MachineAddresses } from '../../server/net/origins.ts';

const machine: MachineAddresses = {
  hostname: 'boardpc',
  addresses: [
    { address: '127.0.0.1', family: 'IPv4', internal: true },
    { address: '::1', family: 'IPv6', internal: true },
    { address: '192.168.1.20', family: 'IPv4', internal: false },
    { address: 'fd00::2', family: 'IPv6', internal: false },
    { address: 'fe80::1%eth0', family: 'IPv6', internal: false },
  ],
};

describe('board origins', () => {
  it('are PUBLIC_URL alone when it is set', () => {
    expect(boardOrigins({ publicUrl: 'https://board.example.go.th', host: '0.0.0.0', port: 3000 }, machine)).toEqual(['https://board.example.go.th']);
  });

  it('are the machine\'s IPv4 addresses and names on every IPv4 interface, LAN address first', () => {
    expect(boardOrigins({ publicUrl: undefined, host: '0.0.0.0', port: 3000 }, machine)).toEqual([
      'http://192.168.1.20:3000',
      'http://127.0.0.1:3000',
      'http://localhost:3000',
      'http://boardpc:3000',
      'http://boardpc.local:3000',
    ]);
  });

  it('include IPv6 addresses (but not link-local ones, which need a zone) when listening on ::', () => {
    const origins = boardOrigins({ publicUrl: undefined, host: '::', port: 80 }, machine);
    expect(origins).toContain('http://[fd00::2]');
    expect(origins).toContain('http://[::1]');
    expect(origins.some((o) => o.includes('fe80'))).toBe(false);
  });

  it('are the one address and its loopback names when listening on loopback', () => {
    expect(boardOrigins({ publicUrl: undefined, host: '127.0.0.1', port: 4100 }, machine)).toEqual(['http://127.0.0.1:4100', 'http://localhost:4100']);
  });
});

describe('the origin policy', () => {
  const policy = createOriginPolicy(() => ({ publicUrl: undefined, host: '127.0.0.1', port: 4100 }), () => machine);

  it('lets the board\'s own pages and clients without an Origin act', () => {
    expect(policy.allows('http://127.0.0.1:4100')).toBe(true);
    expect(policy.allows('http://localhost:4100')).toBe(true);
    expect(policy.allows(undefined)).toBe(true);
  });

  it('refuses another port, another scheme, sibling names, null and anything that is not a bare origin', () => {
    for (const origin of [
      'http://127.0.0.1:4101',
      'https://127.0.0.1:4100',
      'http://evil.localhost:4100',
      'http://127.0.0.1.evil.invalid:4100',
      'null',
      'http://127.0.0.1:4100/path',
      'http://user@127.0.0.1:4100',
      'not a url',
      '',
    ]) {
      expect(policy.allows(origin), origin).toBe(false);
    }
    expect(policy.allows(['http://127.0.0.1:4100', 'http://127.0.0.1:4100'])).toBe(false);
  });

  it('builds links from the configured address, not from anything a request says', () => {
    expect(policy.linkBase()).toBe('http://127.0.0.1:4100');
    expect(createOriginPolicy(() => ({ publicUrl: undefined, host: '0.0.0.0', port: 3000 }), () => machine).linkBase()).toBe('http://192.168.1.20:3000');
    expect(createOriginPolicy(() => ({ publicUrl: 'https://board.example.go.th', host: '0.0.0.0', port: 3000 }), () => machine).linkBase()).toBe(
      'https://board.example.go.th',
    );
  });
});
