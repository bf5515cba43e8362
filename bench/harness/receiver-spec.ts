// What a receiver worker can open, and what it reports back. Shared by the pool (harness) and the worker process.

/** Socket.io clients; a message's key is its payload's `seq`. */
export interface SocketIoReceivers {
  kind: 'socketio';
  url: string;
  /** One handshake `auth` per client. */
  auths: Record<string, string>[];
  /** Several instances: client i connects to `urls[i]` instead of `url` (spread as a load balancer would). */
  urls?: string[];
  /** The event whose arrivals are timed; none for idle clients. */
  event?: string;
  /** The event the server sends once a client is ready; `connect` when it sends none. */
  readyEvent: string;
}

/** Plain WebSocket clients of a JSON broadcast; a message's key is its `seq`. */
export interface WsReceivers {
  kind: 'ws';
  url: string;
  count: number;
}

/** y-websocket providers on one document. */
export interface YjsReceivers {
  kind: 'yjs';
  url: string;
  docName: string;
  /** One session token per client; null where the server takes none (the reference server). */
  tokens: (string | null)[];
  /** `map`: a Y.Map `bench` whose values carry `seq`; `text`: a Y.Text `bench` with `#writer:n#` markers. */
  probe: 'map' | 'text';
  /**
   * True: every client keeps y-websocket's default awareness state (`{}`, renewed every 15 s), as a third-party client
   * would. False: no awareness state, as the board's readers.
   */
  awareness: boolean;
}

export type ReceiverSpec = SocketIoReceivers | WsReceivers | YjsReceivers;

export type WorkerRequest =
  | { op: 'open'; group: number; spec: ReceiverSpec }
  /** What arrived since the last reset (and the worker's CPU since then); changes nothing. */
  | { op: 'collect'; group: number }
  | { op: 'reset'; group: number }
  | { op: 'close'; group: number };

/** Per key: how many of this worker's clients got it, and when the first and the last did (ms on `nowMs`). */
export type Arrival = [key: string, count: number, firstMs: number, lastMs: number];

export interface Traffic {
  /** Every message the clients received, of any kind, and its bytes. */
  messages: number;
  bytes: number;
  /** For Yjs: awareness messages among them. */
  awarenessMessages: number;
  awarenessBytes: number;
}

export type WorkerReply =
  | { op: 'opened'; group: number; connected: number; failed: number; firstError?: string }
  | { op: 'collected'; group: number; arrivals: Arrival[]; traffic: Traffic; disconnects: number; cpuMs: number }
  | { op: 'reset'; group: number }
  | { op: 'closed'; group: number };
