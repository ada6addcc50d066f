import type { Authenticator, Viewer } from '../auth/authenticate.js';

/**
 * Authenticates each request once: the rate limit (which runs before the
 * body is read) and the context factory share the answer, or the refusal.
 */
export function viewerPerRequest(authenticator: Authenticator): (request: Request) => Promise<Viewer> {
  const viewers = new WeakMap<Request, Promise<Viewer>>();
  return (request) => {
    let viewer = viewers.get(request);
    if (!viewer) {
      viewer = authenticator.authenticate(request.headers.get('authorization'));
      viewers.set(request, viewer);
    }
    return viewer;
  };
}
