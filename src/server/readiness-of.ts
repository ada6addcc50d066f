import type { AppServices } from '../context.js';
import { boundedPing, Readiness } from './readiness.js';
import { warmUp } from './warm-up.js';

/** The service's readiness: the database answers and has been warmed up with the common operations. */
export function readinessOf(services: AppServices): Readiness {
  const readiness = new Readiness({
    ping: boundedPing((timeoutMs) => services.executor.ping(timeoutMs)),
    warmUp: (application) => warmUp(services, application),
    log: services.log,
    onDown: (down) => services.executor.setKnownDown(down),
  });
  services.executor.onUnavailable(() => readiness.checkNow());
  return readiness;
}
