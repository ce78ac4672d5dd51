import type { Session } from 'electron';
import { systemTrust } from '../skidkabot/net/networkSetup';
import type { NetworkSetup } from '../skidkabot/net/networkSetup';
import { DIRECT, routeFromPacResult } from '../skidkabot/net/proxyRoute';

/**
 * What the browser on this PC uses: Chromium's proxy resolution (system settings, WPAD, PAC) for
 * the route, and Node's roots plus the OS certificate store for trust. The requests themselves stay
 * on node:http, which tells "not sent" from "sent, answer lost" precisely; Chromium's net does not.
 */
export function electronNetwork(session: Session): NetworkSetup {
  const ca = systemTrust();
  const proxy = {
    async resolve(target: URL) {
      try {
        return routeFromPacResult(await session.resolveProxy(target.href));
      } catch {
        // A PAC script that fails leaves Chromium itself going direct.
        return DIRECT;
      }
    },
  };
  return ca ? { proxy, ca } : { proxy };
}
