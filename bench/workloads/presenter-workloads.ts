// The presenter's two live commands, each measured against the bare Socket.io relay: ceiling changes to every
// member's board, and focus moves that every follower's board follows.
import type { UrlInfo, Workload } from '../harness/context.ts';
import { interleave, latencyRatio, type Contender } from '../harness/rounds.ts';
import type { Target } from '../harness/target.ts';
import type { BoardInfo } from '../targets/board.ts';
import { boardCeilings, boardFocus, relayCeilings, relayFocus } from './contenders.ts';
import { sized, type Size } from './size.ts';

function againstRelay(
  name: string,
  summary: string,
  full: Size,
  ours: (board: Target<BoardInfo>, clients: number) => Promise<Contender>,
  relay: (relay: Target<UrlInfo>, clients: number) => Contender,
): Workload {
  return {
    name,
    summary,
    async run(context) {
      const size = sized(context, full);
      const contenders = [await ours(await context.board(), size.clients), relay(await context.socketIoRelay(), size.clients)];
      const figures = await interleave(context, contenders, size);
      return { parameters: size, figures, ratio: latencyRatio(figures, 'board', 'socketIoRelay') };
    },
  };
}

export const ceilings = againstRelay(
  'ceilings',
  'ceiling changes to N members (200 at 20/s for 15 s), against a bare Socket.io relay',
  { clients: 200, rate: 20, seconds: 15, warmupSeconds: 2, settleMs: 1_000 },
  boardCeilings,
  relayCeilings,
);

export const focus = againstRelay(
  'focus',
  'focus moves to N followers (200 at 5/s for 20 s), against a bare Socket.io relay',
  { clients: 200, rate: 5, seconds: 20, warmupSeconds: 2, settleMs: 1_000 },
  boardFocus,
  relayFocus,
);
