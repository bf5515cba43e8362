// The what-if sandbox on Socket.io: queries answered to the sender alone (no seq, no event, no broadcast). The
// repository checks the sender's stored role and the meeting's phase on every call.
import { z } from 'zod';
import type { Database } from '../db/client.ts';
import { changeSandbox, clearSandbox, loadSandbox } from '../db/sandbox-repository.ts';
import { SandboxChangePayload } from '../shared/events/sandbox.ts';
import { query } from './socket-calls.ts';
import type { FeatureHandlers } from './socket-server.ts';

export function sandboxHandlers(deps: { db: Database }): FeatureHandlers {
  return (socket) => {
    const { meetingId, participantId } = socket.data.identity;
    const owner = { meetingId, participantId };
    socket.on('sandbox:load', query(z.strictObject({}), () => loadSandbox(deps.db, owner)));
    socket.on('sandbox:change', query(SandboxChangePayload, ({ operation }) => changeSandbox(deps.db, owner, operation)));
    socket.on('sandbox:clear', query(z.strictObject({}), () => clearSandbox(deps.db, owner)));
  };
}
