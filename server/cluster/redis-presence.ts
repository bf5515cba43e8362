// Presence shared between instances in Redis: per meeting one hash, one field per instance holding that instance's
// people and the moment the field stops counting. An instance renews its field every few seconds (PRESENCE_RENEW_MS),
// so one that dies drops out of everyone's list once its field is older than PART_TTL_MS, without anyone cleaning
// up after it (readers remove such fields). A change is announced on one channel, so the others send their sockets
// the new list at once rather than at their next renewal.
import { z } from 'zod';
import { PRESENCE_RENEW_MS, type LiveEntries, type SharedPresence } from '../realtime/presence.ts';
import type { RedisClient } from './redis.ts';

/** A part not renewed for this long is gone: three renewals missed. */
const PART_TTL_MS = PRESENCE_RENEW_MS * 3 + 1_000;
const CHANNEL = 'board:presence';

const partSchema = z.object({
  until: z.number(),
  entries: z.record(z.string(), z.object({ connections: z.number().int().min(0), following: z.boolean().nullable() })),
});

const keyOf = (meetingId: string) => `board:presence:${meetingId}`;

export function redisPresence(deps: { instanceId: string; client: RedisClient; subscriber: RedisClient }): SharedPresence & { start(): Promise<void> } {
  const { instanceId, client, subscriber } = deps;
  const listeners = new Set<(meetingId: string) => void>();
  return {
    async start() {
      await subscriber.subscribe(CHANNEL, (message) => {
        const [from, meetingId] = message.split(' ', 2);
        if (from === instanceId || !meetingId) return;
        for (const listener of listeners) listener(meetingId);
      });
    },
    async publish(meetingId, entries, { notify }) {
      const key = keyOf(meetingId);
      const batch = client.multi();
      if (Object.keys(entries).length === 0) batch.hDel(key, instanceId);
      else batch.hSet(key, instanceId, JSON.stringify({ until: Date.now() + PART_TTL_MS, entries })).pExpire(key, PART_TTL_MS);
      if (notify) batch.publish(CHANNEL, `${instanceId} ${meetingId}`);
      await batch.exec();
    },
    async others(meetingId) {
      const key = keyOf(meetingId);
      const fields = await client.hGetAll(key);
      const now = Date.now();
      const parts: LiveEntries[] = [];
      const expired: string[] = [];
      for (const [instance, text] of Object.entries(fields)) {
        if (instance === instanceId) continue;
        const part = partSchema.safeParse(safeJson(text));
        if (part.success && part.data.until > now) parts.push(part.data.entries);
        else expired.push(instance);
      }
      if (expired.length) await client.hDel(key, expired);
      return parts;
    },
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
