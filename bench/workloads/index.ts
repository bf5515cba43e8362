// Every workload `npm run bench` knows, in the order it runs them. To add one, write bench/workloads/<name>.ts
// exporting a Workload and list it here (see PLAN.md, "Benchmarks (scale)").
import type { Workload } from '../harness/context.ts';
import { bigPlanWorkload } from './big-plan.ts';
import { cluster } from './cluster.ts';
import { crowd } from './crowd.ts';
import { flood } from './flood.ts';
import { ceilings, focus } from './presenter-workloads.ts';
import { yjs } from './yjs.ts';
import { timelineWorkload } from './timeline.ts';

export const WORKLOADS: Workload[] = [ceilings, focus, yjs, crowd, bigPlanWorkload, cluster, flood, timelineWorkload];
