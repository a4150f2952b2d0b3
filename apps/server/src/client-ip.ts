import { getConnInfo } from '@hono/node-server/conninfo';
import { CLIENT_IP_HEADER } from '@switchboard/api';
import type { Context } from 'hono';

/**
 * The address sign-in limits key on: the socket's, or the first X-Forwarded-For hop when
 * the server sits behind a trusted load balancer. A client cannot set it itself.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function withClientAddress(request: Request, address: string): Request {
  const headers = new Headers(request.headers);
  headers.set(CLIENT_IP_HEADER, address);
  return new Request(request, { headers });
}
