import { performance } from 'node:perf_hooks';
import type { Core } from '../../electron/core';
import { LatencyHistogram } from './latency';

/**
 * The core as the station sees it, with its dispatch timed per method: how long the core itself
 * takes (synchronous: validation, the transaction, the disk's flush). A desk's latency adds HTTP
 * and the wait for the event loop. The real core is the prototype, so its connection getter and
 * everything else stay live.
 */
export function timedCore(core: Core): { core: Core; times: Map<string, LatencyHistogram> } {
  const times = new Map<string, LatencyHistogram>();
  const timed: Core = Object.assign(Object.create(core) as Core, {
    dispatch: (method: string, input: unknown, token: string | null) => {
      const started = performance.now();
      try {
        return core.dispatch(method, input, token);
      } finally {
        let h = times.get(method);
        if (!h) times.set(method, (h = new LatencyHistogram()));
        h.add(performance.now() - started);
      }
    },
  });
  return { core: timed, times };
}
