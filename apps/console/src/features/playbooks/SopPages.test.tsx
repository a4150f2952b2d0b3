import {
  mockViewer,
  type ProcedureInput,
  type ProcedureOutput,
  renderRoutes,
  trpcHandler,
  trpcMutationHandler,
} from '@switchboard/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { consoleRoutes } from '../../router.tsx';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Version = NonNullable<ProcedureOutput<'playbooks.sopEditor'>['published']>;
type VersionRow = ProcedureOutput<'playbooks.sopVersions'>[number];

const published: Version = {
  id: '31313131-3131-4131-8131-313131313131',
  sopId: '32323232-3232-4232-8232-323232323232',
  version: 1,
  status: 'published',
  title: 'Driver no-show',
  steps: [
    { id: 'step-1', text: 'Check the **driver GPS** trace', required: true },
    { id: 'step-2', text: 'Call the driver', required: false },
  ],
  createdAt: new Date('2026-03-01T09:00:00Z'),
  updatedAt: new Date('2026-03-01T09:00:00Z'),
  createdByName: 'Tomás Trainer',
  publishedAt: new Date('2026-03-01T10:00:00Z'),
  publishedByName: 'Tomás Trainer',
  requestTypeCode: 'PICKUP_ISSUE',
  requestTypeName: 'Driver no-show',
};

function versionRow(overrides: Partial<VersionRow> = {}): VersionRow {
  const { steps: _steps, ...rest } = published;
  return { ...rest, stepCount: 2, requiredCount: 1, ...overrides };
}

describe('SOP playbooks', () => {
  it('lists request types with their playbook state', async () => {
    const requests: ProcedureInput<'playbooks.listSops'>[] = [];
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'trainer' }),
        'playbooks.listSops': (input) => {
          requests.push(input);
          return {
            items: [
              {
                requestTypeCode: 'PICKUP_ISSUE',
                requestTypeName: 'Driver no-show',
                audience: 'guest',
                categoryName: 'Booking & pickup',
                publishedVersion: 2,
                publishedTitle: 'Driver no-show (guest stranded)',
                publishedAt: new Date('2026-03-01T10:00:00Z'),
                stepCount: 5,
                requiredCount: 2,
                draftVersion: 3,
                draftUpdatedAt: new Date('2026-03-02T10:00:00Z'),
              },
              {
                requestTypeCode: 'PROMO_CODE',
                requestTypeName: 'Promo code',
                audience: 'guest',
                categoryName: 'Payments & refunds',
                publishedVersion: null,
                publishedTitle: null,
                publishedAt: null,
                stepCount: null,
                requiredCount: null,
                draftVersion: null,
                draftUpdatedAt: null,
              },
            ],
            total: 2,
            limit: 50,
            offset: 0,
          };
        },
      }),
    );
    renderRoutes({ path: '/playbooks?audience=guest', routes: consoleRoutes });
    const row = (await screen.findByRole('link', { name: 'Driver no-show' })).closest(
      'tr',
    ) as HTMLElement;
    expect(within(row).getByText('v2 · Driver no-show (guest stranded)')).toBeInTheDocument();
    expect(within(row).getByText('5 steps, 2 required')).toBeInTheDocument();
    expect(within(row).getByText('Draft v3')).toBeInTheDocument();
    const empty = screen.getByText('Promo code').closest('tr') as HTMLElement;
    expect(within(empty).getByText('No playbook')).toBeInTheDocument();
    expect(requests[0]).toMatchObject({ audience: 'guest' });
    expect(screen.getByRole('link', { name: 'Playbooks (SOPs)' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('edits steps into a draft, publishes it after confirming, and shows old versions read-only', async () => {
    const user = userEvent.setup();
    const saved: ProcedureInput<'playbooks.saveSopDraft'>[] = [];
    const publishedCodes: string[] = [];
    let draft: Version | null = null;
    server.use(
      trpcHandler({
        'people.me': () => mockViewer({ role: 'trainer' }),
        'playbooks.sopEditor': () => ({
          requestType: {
            id: '33333333-3333-4333-8333-333333333333',
            code: 'PICKUP_ISSUE',
            name: 'Driver no-show',
            audience: 'guest',
            deprecated: false,
          },
          published,
          draft,
          versionCount: draft ? 2 : 1,
        }),
        'playbooks.sopVersions': () => [versionRow()],
        'playbooks.sopVersion': () => published,
      }),
      trpcMutationHandler({
        'playbooks.saveSopDraft': (input) => {
          saved.push(input);
          const next: Version = {
            ...published,
            id: 'draft',
            version: 2,
            status: 'draft',
            title: input.title,
            steps: input.steps.map((step) => ({ ...step, required: step.required ?? false })),
          };
          draft = next;
          return next;
        },
        'playbooks.publishSop': (input) => {
          publishedCodes.push(input.requestTypeCode);
          return { ...draft!, status: 'published' };
        },
      }),
    );
    renderRoutes({ path: '/playbooks/PICKUP_ISSUE', routes: consoleRoutes });
    expect(await screen.findByRole('heading', { name: 'Driver no-show' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Publish' })).toBeDisabled();
    expect(screen.getByText('driver GPS').tagName).toBe('STRONG');

    await user.click(screen.getByRole('button', { name: 'Add step' }));
    await user.type(screen.getByRole('textbox', { name: 'Step 3 text' }), 'Offer a *credit*');
    await user.click(screen.getByRole('switch', { name: 'Step 3 required' }));
    await user.click(screen.getByRole('button', { name: 'Move step 3 up' }));
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.steps).toEqual([
      published.steps[0],
      { id: 'step-3', text: 'Offer a *credit*', required: true },
      published.steps[1],
    ]);

    const publish = await screen.findByRole('button', { name: 'Publish' });
    await waitFor(() => expect(publish).toBeEnabled());
    await user.click(publish);
    const confirm = await screen.findByRole('dialog', { name: 'Publish draft v2?' });
    expect(within(confirm).getByText(/v1 is archived/)).toBeInTheDocument();
    await user.click(within(confirm).getByRole('button', { name: 'Publish now' }));
    await waitFor(() => expect(publishedCodes).toEqual(['PICKUP_ISSUE']));

    const history = screen.getByRole('table', { name: 'Version history' });
    expect(within(history).getAllByText('by Tomás Trainer')).toHaveLength(2);
    await user.click(within(history).getByRole('button', { name: 'View v1' }));
    const old = await screen.findByRole('dialog', { name: 'v1 · Driver no-show' });
    expect(within(old).getByText(/Read-only/)).toBeInTheDocument();
    expect(within(old).getByText('Required')).toBeInTheDocument();
    expect(within(old).queryByRole('textbox')).toBeNull();
  }, 30_000);
});
