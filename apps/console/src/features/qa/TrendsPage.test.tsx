import { type ProcedureInput, renderRoutes, trpcHandler } from '@switchboard/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { consoleRoutes } from '../../router.tsx';
import { AGENT_ID, FILTER_OPTIONS, leadViewer, TEAM_ID, trends } from './qa-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-15T12:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('QA trends', () => {
  it('reads the last weeks in the viewer’s time zone, filtered, with figures and tables', async () => {
    const inputs: ProcedureInput<'qa.trends'>[] = [];
    server.use(
      trpcHandler({
        'people.me': () => leadViewer,
        'qa.filterOptions': () => FILTER_OPTIONS,
        'qa.trends': (input) => {
          inputs.push(input);
          return trends();
        },
      }),
    );
    const user = userEvent.setup();
    renderRoutes({ path: `/qa/trends?team=${TEAM_ID}`, routes: consoleRoutes });

    expect(await screen.findByLabelText('Average score')).toHaveTextContent('70%');
    expect(screen.getByLabelText('Pass rate')).toHaveTextContent('33%');
    expect(screen.getByLabelText('Auto-fails')).toHaveTextContent('1');
    await waitFor(() => expect(inputs.at(-1)).toMatchObject({ teamId: TEAM_ID }));
    // Eight weeks in Lisbon: from Monday 19 January to the end of this week.
    expect(inputs.at(-1)).toMatchObject({
      timeZone: 'Europe/Lisbon',
      from: new Date('2026-01-19T00:00:00Z'),
      to: new Date('2026-03-16T00:00:00Z'),
    });

    const agents = screen.getByRole('table', { name: 'QA by agent' });
    expect(within(agents).getByRole('link', { name: 'Ana Silva' })).toHaveAttribute(
      'href',
      `/qa/reviews?agent=${AGENT_ID}&tab=all`,
    );
    await user.click(screen.getByRole('tab', { name: 'By criterion' }));
    const criteria = screen.getByRole('table', { name: 'QA by criterion' });
    expect(within(criteria).getByText('Greets the guest by name')).toBeVisible();
    expect(within(criteria).getByText('33%')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Export criteria as CSV' })).toBeEnabled();
  });
});
