// Which web origins may act for this board, and which address goes into the links people open on other devices.
//
// A browser tells us, in `Origin`, which page is making a WebSocket connection or a POST; cookies do not stop at a
// port or a sibling subdomain, so a page on another port of the same host would otherwise act with a member's
// cookie. The allowed origins come from configuration only: PUBLIC_URL when it is set, otherwise the address the
// board listens on (and, when that is every interface, the machine's own addresses and names), with its port. The
// request's own `Host` header is never consulted: a client chooses it freely (and a rebound DNS name makes a browser
// send a hostile one that matches its hostile `Origin`).
import { hostname as machineHostname, networkInterfaces } from 'node:os';

export interface OriginConfig {
  /** PUBLIC_URL, without a trailing slash. */
  publicUrl: string | undefined;
  /** The address the server listens on: a specific address, or '0.0.0.0' / '::' for every interface. */
  host: string;
  /** The port actually bound (known only after listening when the configured port is 0). */
  port: number;
}

/** What the machine itself is called and where it can be reached; read from the OS by default. */
export interface MachineAddresses {
  addresses: { address: string; family: 'IPv4' | 'IPv6'; internal: boolean }[];
  hostname: string;
}

export function currentMachineAddresses(): MachineAddresses {
  const addresses = Object.values(networkInterfaces()).flatMap((list) => list ?? []);
  return { addresses: addresses.map(({ address, family, internal }) => ({ address, family, internal })), hostname: machineHostname() };
}

/** Every origin a legitimate page of this board is served from, in order of preference for links. */
export function boardOrigins(config: OriginConfig, machine: MachineAddresses): string[] {
  if (config.publicUrl) return [new URL(config.publicUrl).origin];
  const hosts: string[] = [];
  const everyInterface = config.host === '0.0.0.0' || config.host === '::';
  if (everyInterface) {
    // Addresses others can reach come first: the first one is what invite links and the screen's QR code carry.
    const usable = machine.addresses.filter((a) => config.host === '::' || a.family === 'IPv4');
    for (const a of usable.filter((a) => !a.internal)) hosts.push(a.address);
    for (const a of usable.filter((a) => a.internal)) hosts.push(a.address);
    hosts.push('localhost');
    if (machine.hostname && !isIpLiteral(machine.hostname)) hosts.push(machine.hostname, `${machine.hostname}.local`);
  } else {
    hosts.push(config.host);
    if (isLoopback(config.host)) hosts.push('localhost', '127.0.0.1');
    else if (config.host === 'localhost') hosts.push('127.0.0.1', '::1');
  }
  const origins: string[] = [];
  for (const host of hosts) {
    const origin = httpOrigin(host, config.port);
    if (origin !== null && !origins.includes(origin)) origins.push(origin);
  }
  return origins;
}

export interface OriginPolicy {
  /**
   * Whether a request carrying this `Origin` header may act. No header at all is a client that is not a browser
   * page (scripts, tests, the benchmark), or a same-origin GET, which browsers send without one; browsers always send
   * it on WebSocket handshakes and on every POST, so a hostile page cannot leave it out. `null` (sandboxed frames,
   * files) is refused.
   */
  allows(origin: string | string[] | undefined): boolean;
  /** The address that invite links and the screen's QR code start with. */
  linkBase(): string;
}

export function createOriginPolicy(
  config: () => OriginConfig,
  machine: () => MachineAddresses = currentMachineAddresses,
): OriginPolicy {
  // Read afresh each time: the port is bound after this is built, and a laptop may join the room's Wi-Fi later.
  // Handshakes and POSTs are rare enough that reading the interfaces each time costs nothing measurable.
  const origins = () => boardOrigins(config(), machine());
  return {
    allows(origin) {
      if (origin === undefined) return true;
      if (Array.isArray(origin)) return false;
      const normalised = normaliseOrigin(origin);
      return normalised !== null && origins().includes(normalised);
    },
    linkBase() {
      return origins()[0] ?? `http://localhost:${config().port}`;
    },
  };
}

function normaliseOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    // An Origin header is exactly scheme://host[:port]; anything more is not one a browser sent.
    const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    return bare && url.origin !== 'null' ? url.origin : null;
  } catch {
    return null;
  }
}

function httpOrigin(host: string, port: number): string | null {
  // Link-local IPv6 addresses need a zone id, which no URL can carry.
  if (host.includes('%')) return null;
  try {
    return new URL(`http://${host.includes(':') ? `[${host}]` : host}:${port}`).origin;
  } catch {
    return null;
  }
}

function isIpLiteral(name: string): boolean {
  return /^[\d.]+$/.test(name) || name.includes(':');
}

function isLoopback(host: string): boolean {
  return host === '::1' || /^127\./.test(host);
}
