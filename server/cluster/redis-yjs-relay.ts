// The Yjs relay on Redis pub/sub: one channel per document, a message per stored batch of updates or awareness
// change, tagged with the instance that sent it so that it skips its own. Pub/sub keeps nothing for a subscriber that
// was away, which is why the relay says when its connection is back (`onResumed`): documents then read what was
// stored meanwhile from Postgres, the record.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { DocRelay, RelayedMessage, YRelay } from '../yjs/relay.ts';
import type { RedisClient } from './redis.ts';

const KIND_UPDATE = 0;
const KIND_AWARENESS = 1;

const channelOf = (docName: string) => `board:yjs:${docName}`;

export function encodeRelayed(instanceId: string, message: RelayedMessage): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, instanceId);
  encoding.writeVarUint(encoder, message.kind === 'update' ? KIND_UPDATE : KIND_AWARENESS);
  encoding.writeVarString(encoder, message.kind === 'awareness' ? message.participantId : '');
  encoding.writeVarUint8Array(encoder, message.update);
  return Buffer.from(encoding.toUint8Array(encoder));
}

/** The message and who sent it, or null when it is not one of ours. */
export function decodeRelayed(buffer: Uint8Array): { instanceId: string; message: RelayedMessage } | null {
  try {
    const decoder = decoding.createDecoder(buffer);
    const instanceId = decoding.readVarString(decoder);
    const kind = decoding.readVarUint(decoder);
    const participantId = decoding.readVarString(decoder);
    const update = decoding.readVarUint8Array(decoder);
    if (kind === KIND_UPDATE) return { instanceId, message: { kind: 'update', update } };
    if (kind === KIND_AWARENESS && participantId) return { instanceId, message: { kind: 'awareness', update, participantId } };
    return null;
  } catch {
    return null;
  }
}

export function redisYjsRelay(deps: { instanceId: string; publisher: RedisClient; subscriber: RedisClient; log(message: string): void }): YRelay {
  const { instanceId, publisher, subscriber } = deps;
  const resumed = new Set<() => void>();
  let wasReady = true;
  subscriber.on('ready', () => {
    if (wasReady) return;
    wasReady = true;
    for (const listener of resumed) listener();
  });
  subscriber.on('error', () => {
    wasReady = false;
  });
  subscriber.on('end', () => {
    wasReady = false;
  });
  return {
    async subscribe(docName, receive) {
      const channel = channelOf(docName);
      const listener = (buffer: Buffer) => {
        const decoded = decodeRelayed(buffer);
        if (decoded && decoded.instanceId !== instanceId) receive(decoded.message);
      };
      await subscriber.subscribe(channel, listener, true);
      let subscribed = true;
      const relay: DocRelay = {
        publish(message) {
          publisher.publish(channel, encodeRelayed(instanceId, message)).catch((error: Error) => deps.log(`yjs relay: not published: ${error.message}`));
        },
        unsubscribe() {
          if (!subscribed) return;
          subscribed = false;
          subscriber.unsubscribe(channel, listener, true).catch(() => {});
        },
      };
      return relay;
    },
    onResumed(listener) {
      resumed.add(listener);
      return () => resumed.delete(listener);
    },
  };
}
