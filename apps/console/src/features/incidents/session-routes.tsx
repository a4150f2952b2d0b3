import { RequireSession } from '@switchboard/ui/auth';
import { Outlet, type RouteObject } from 'react-router';

/** Routes inside a signed-in console session, as the console's router nests them (for tests). */
export function sessionRoutes(children: RouteObject[]): RouteObject[] {
  return [
    {
      element: (
        <RequireSession access="console" notAllowed={<p>Not allowed</p>}>
          <Outlet />
        </RequireSession>
      ),
      children,
    },
  ];
}
