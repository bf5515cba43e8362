// Several instances: the presenter's ceilings and focus moves sent to one instance of two that share Redis and
// Postgres, with the members spread over both (400 by default), against one instance with the same members and a
// bare Socket.io relay, in the same run. Latency is to the last member, wherever it is connected.
import type { Workload } from '../harness/context.ts';
import { interleave, latencyRatio } from '../harness/rounds.ts';
import { boardCeilings, boardFocus, relayCeilings, relayFocus, type Spread } from './contenders.ts';
import { sized } from './size.ts';

const TWO = 'twoInstances';

export const cluster: Workload = {
  name: 'cluster',
  summary: 'ceilings (20/s) and focus (5/s) to N members (400) spread over 2 instances on Redis, against 1 instance and a bare Socket.io relay',
  async run(context) {
    const ceilingsSize = sized(context, { clients: 400, rate: 20, seconds: 15, warmupSeconds: 2, settleMs: 1_500 });
    const focusSize = sized(context, { clients: 400, rate: 5, seconds: 20, warmupSeconds: 2, settleMs: 1_500 });
    const [single, relay, instances] = await Promise.all([context.board(), context.socketIoRelay(), context.boardCluster()]);
    const spread = (what: string): Spread => ({
      name: TWO,
      describe: `two board instances sharing Redis and Postgres: ${what} sent to the first, members alternating between both (server figures are the first's)`,
      instances,
    });

    context.log(' ceilings');
    const ceilings = await interleave(
      context,
      [
        await boardCeilings(single, ceilingsSize.clients),
        await boardCeilings(instances[0]!, ceilingsSize.clients, spread('ceilings:set')),
        relayCeilings(relay, ceilingsSize.clients),
      ],
      ceilingsSize,
    );
    context.log(' focus');
    const focus = await interleave(
      context,
      [await boardFocus(single, focusSize.clients), await boardFocus(instances[0]!, focusSize.clients, spread('focus:move')), relayFocus(relay, focusSize.clients)],
      focusSize,
    );
    const ratios = (figures: typeof ceilings) => ({
      oneInstanceOverRelay: latencyRatio(figures, 'board', 'socketIoRelay'),
      twoInstancesOverRelay: latencyRatio(figures, TWO, 'socketIoRelay'),
      twoInstancesOverOne: latencyRatio(figures, TWO, 'board'),
    });
    return {
      parameters: { ceilings: ceilingsSize, focus: focusSize, instances: instances.length },
      ceilings: { figures: ceilings, ratio: ratios(ceilings) },
      focus: { figures: focus, ratio: ratios(focus) },
    };
  },
};
