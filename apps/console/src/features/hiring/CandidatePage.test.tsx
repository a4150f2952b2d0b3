import {
  type ProcedureInput,
  type ProcedureOutput,
  renderRoutes,
  trpcHandler,
  trpcMutationHandler,
} from '@switchboard/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessionRoutes } from '../incidents/session-routes.tsx';
import { CandidatePage } from './CandidatePage.tsx';
import {
  CANDIDATE_ID,
  candidateDetail,
  candidateRow,
  OPTIONS,
  REQUISITION_ID,
  requisitionRow,
  stageNamed,
  trainerViewer,
} from './hiring-fixtures.ts';
import { pickOption } from './hiring-test-helpers.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const routes = sessionRoutes([
  { path: '/hiring/candidates/:candidateId', element: <CandidatePage /> },
  { path: '/hiring/candidates', element: <p>Candidates list</p> },
  { path: '/hiring/requisitions/:requisitionId', element: <p>Requisition page</p> },
]);

type Detail = ProcedureOutput<'hiring.candidate'>;

function queries(detail: () => Detail) {
  return trpcHandler({
    'people.me': () => trainerViewer,
    'hiring.candidate': () => detail(),
    'hiring.options': () => OPTIONS,
    'hiring.requisition': () => requisitionRow({ hiredCount: 3, headcount: 4 }),
    'hiring.requisitions': () => ({ items: [requisitionRow()], total: 1, limit: 200, offset: 0 }),
  });
}

const TOKEN = 'Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6';

describe('candidate page', () => {
  it('shows the profile, the average per rubric, every scorecard, notes, files and history', async () => {
    server.use(queries(() => candidateDetail()));
    renderRoutes({ path: `/hiring/candidates/${CANDIDATE_ID}`, routes });

    expect(await screen.findByRole('heading', { name: 'Inês Costa' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /REQ-101/ })).toHaveAttribute(
      'href',
      `/hiring/requisitions/${REQUISITION_ID}`,
    );
    const averages = screen.getByRole('table', { name: 'Average per rubric' });
    const row = (name: string) => within(averages).getByText(name).closest('tr') as HTMLElement;
    expect(within(row('Written English')).getByText('4.5')).toBeInTheDocument();
    expect(within(row('Problem solving')).getByText('3.5')).toBeInTheDocument();
    expect(within(row('Other languages')).getByText('5.0')).toBeInTheDocument();
    expect(within(row('Other languages')).getByText('1')).toBeInTheDocument();
    expect(screen.getByText('Strong yes: 1')).toBeInTheDocument();
    const interview = screen.getByRole('article', { name: 'Interview by Lena Lead' });
    expect(within(interview).getByText('Calm in the role play.')).toBeInTheDocument();
    expect(within(interview).getByText('Other languages —')).toBeInTheDocument();
    expect(screen.getByText('Referred by Ana Silva')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'CV Inês Costa.pdf' })).toHaveAttribute(
      'href',
      '/api/hiring/attachments/b1b1b1b1-b1b1-4b1b-8b1b-b1b1b1b1b1b1',
    );
    expect(screen.getByText('Interview → Offer')).toBeInTheDocument();
    expect(screen.getByText('Added in Applied')).toBeInTheDocument();
  });

  it('hires: confirms what happens, then shows the invitation link once, to copy', async () => {
    const user = userEvent.setup();
    const hires: ProcedureInput<'hiring.hire'>[] = [];
    let hired = false;
    server.use(
      queries(() =>
        hired
          ? candidateDetail({
              candidate: candidateRow({
                stageId: stageNamed('Hired').id,
                stageName: 'Hired',
                stageKind: 'hired',
                hiredAt: new Date(),
                hiredUserId: 'user-1',
              }),
            })
          : candidateDetail(),
      ),
      trpcMutationHandler({
        'hiring.hire': (input) => {
          hires.push(input);
          hired = true;
          return {
            candidateId: CANDIDATE_ID,
            userId: 'user-1',
            name: 'Inês Costa',
            email: 'ines.costa@example.com',
            teamName: 'Support L1',
            invitation: {
              id: 'inv-1',
              token: TOKEN,
              path: `/workspace/invite/${TOKEN}`,
              expiresAt: new Date(Date.now() + 7 * 86_400_000),
            },
            enrolledCurricula: ['Guest support onboarding'],
            requisitionStatus: 'filled',
          };
        },
      }),
    );
    renderRoutes({ path: `/hiring/candidates/${CANDIDATE_ID}`, routes });

    await user.click(await screen.findByRole('button', { name: 'Hire' }));
    const dialog = await screen.findByRole('dialog', { name: 'Hire Inês Costa' });
    expect(
      await within(dialog).findByText(/This is the last place, so the requisition will be filled/),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Confirm hire' }));

    const done = await screen.findByRole('dialog', { name: 'Inês Costa is hired' });
    expect(hires).toEqual([{ candidateId: CANDIDATE_ID }]);
    const link = `${window.location.origin}/workspace/invite/${TOKEN}`;
    expect(within(done).getByText('Invitation link')).toBeInTheDocument();
    expect(within(done).getByLabelText('Invitation link')).toHaveTextContent(link);
    expect(within(done).getByText(link)).toBeInTheDocument();
    expect(within(done).getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    expect(within(done).getByText('Enrolled in Guest support onboarding.')).toBeInTheDocument();
    expect(within(done).getByText(/The requisition is now filled/)).toBeInTheDocument();

    // The page catches up behind the dialog, which stays until the trainer is done.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Hire' })).toBeNull());
    expect(screen.getByRole('dialog', { name: 'Inês Costa is hired' })).toBeInTheDocument();
    await user.click(within(done).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('says why a hire was refused', async () => {
    const user = userEvent.setup();
    server.use(
      queries(() => candidateDetail()),
      http.post('*/trpc/hiring.hire', () =>
        HttpResponse.json(
          [
            {
              error: {
                json: {
                  message: 'The requisition is on hold: only open requisitions take hires',
                  code: -32009,
                  data: { code: 'CONFLICT', httpStatus: 409, path: 'hiring.hire' },
                },
              },
            },
          ],
          { status: 409 },
        ),
      ),
    );
    renderRoutes({ path: `/hiring/candidates/${CANDIDATE_ID}`, routes });
    await user.click(await screen.findByRole('button', { name: 'Hire' }));
    const dialog = await screen.findByRole('dialog', { name: 'Hire Inês Costa' });
    await user.click(within(dialog).getByRole('button', { name: 'Confirm hire' }));
    expect(
      await within(dialog).findByText(
        'The requisition is on hold: only open requisitions take hires',
      ),
    ).toBeInTheDocument();
  });

  it('moves the candidate to another stage, and rejects only with a reason', async () => {
    const user = userEvent.setup();
    const moves: ProcedureInput<'hiring.moveCandidate'>[] = [];
    server.use(
      queries(() => candidateDetail()),
      trpcMutationHandler({
        'hiring.moveCandidate': (input) => {
          moves.push(input);
          const stage = OPTIONS.stages.find((s) => s.id === input.toStageId)!;
          return candidateRow({ stageId: stage.id, stageName: stage.name, stageKind: stage.kind });
        },
      }),
    );
    renderRoutes({ path: `/hiring/candidates/${CANDIDATE_ID}`, routes });

    await user.click(await screen.findByRole('button', { name: 'Move' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Move to Interview' }));
    await waitFor(() =>
      expect(moves).toEqual([{ candidateId: CANDIDATE_ID, toStageId: stageNamed('Interview').id }]),
    );
    expect(await screen.findByText('Inês Costa moved to Interview')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Reject' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reject Inês Costa' });
    await user.click(within(dialog).getByRole('button', { name: 'Reject candidate' }));
    expect(
      await within(dialog).findByText('Reason: choose why the candidate is rejected'),
    ).toBeInTheDocument();
    expect(moves).toHaveLength(1);
    await pickOption(
      user,
      within(dialog).getByRole('combobox', { name: 'Reason' }),
      'Declined the offer',
    );
    await user.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'Took another job');
    await user.click(within(dialog).getByRole('button', { name: 'Reject candidate' }));
    await waitFor(() =>
      expect(moves.at(-1)).toEqual({
        candidateId: CANDIDATE_ID,
        toStageId: stageNamed('Rejected').id,
        rejectionReason: 'offer_declined',
        note: 'Took another job',
      }),
    );
  });

  it('saves an interviewer’s scorecard, naming what is missing first', async () => {
    const user = userEvent.setup();
    const saved: ProcedureInput<'hiring.saveScorecard'>[] = [];
    server.use(
      queries(() => candidateDetail()),
      trpcMutationHandler({
        'hiring.saveScorecard': (input) => {
          saved.push(input);
          return { id: 'x' } as never;
        },
      }),
    );
    renderRoutes({ path: `/hiring/candidates/${CANDIDATE_ID}`, routes });

    await user.click(await screen.findByRole('button', { name: 'Add scorecard' }));
    const dialog = await screen.findByRole('dialog', { name: 'Scorecard for Inês Costa' });
    await user.click(within(dialog).getByRole('button', { name: 'Save scorecard' }));
    expect(await within(dialog).findByText('Written English: rate 1 to 5')).toBeInTheDocument();
    expect(within(dialog).getByText('Recommendation: choose one')).toBeInTheDocument();

    const rate = async (group: string, value: string) =>
      user.click(
        within(within(dialog).getByRole('radiogroup', { name: group })).getByRole('radio', {
          name: value,
        }),
      );
    await rate('Written English', '4');
    await rate('Empathy', '5');
    await rate('Problem solving', '3');
    await rate('Other languages', 'Not assessed');
    await rate('Recommendation', 'Yes');
    await user.type(within(dialog).getByRole('textbox', { name: 'Comments' }), 'Warm and clear');
    await user.click(within(dialog).getByRole('button', { name: 'Save scorecard' }));
    await waitFor(() =>
      expect(saved).toEqual([
        {
          candidateId: CANDIDATE_ID,
          kind: 'interview',
          ratings: { writtenEnglish: 4, empathy: 5, problemSolving: 3, otherLanguages: null },
          recommendation: 'yes',
          comments: 'Warm and clear',
        },
      ]),
    );
  });

  it('uploads a CV to the server and refuses a file that is too big before sending it', async () => {
    const user = userEvent.setup();
    const uploads: string[] = [];
    server.use(
      queries(() => candidateDetail()),
      http.post('*/api/hiring/candidates/:candidateId/attachments', async ({ request, params }) => {
        const form = await request.formData();
        uploads.push(`${String(params.candidateId)}:${(form.get('file') as File).size} bytes`);
        return HttpResponse.json({ id: 'new' }, { status: 201 });
      }),
    );
    const { container } = renderRoutes({ path: `/hiring/candidates/${CANDIDATE_ID}`, routes });
    await screen.findByRole('button', { name: 'Upload file' });
    const input = container.ownerDocument.querySelector('input[type="file"]') as HTMLInputElement;
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'cv.pdf', {
      type: 'application/pdf',
    });
    await user.upload(input, big);
    expect(await screen.findByText('File: at most 5 MB (this one is 5.0 MB)')).toBeInTheDocument();
    expect(uploads).toEqual([]);
    await user.upload(input, new File(['%PDF-1.7'], 'cv.pdf', { type: 'application/pdf' }));
    await waitFor(() => expect(uploads).toEqual([`${CANDIDATE_ID}:8 bytes`]));
  });

  it('shows a hire’s account and gives a new link when the first expired', async () => {
    const user = userEvent.setup();
    server.use(
      queries(() =>
        candidateDetail({
          candidate: candidateRow({
            stageId: stageNamed('Hired').id,
            stageName: 'Hired',
            stageKind: 'hired',
          }),
          hire: {
            user: {
              id: 'user-1',
              name: 'Inês Costa',
              email: 'ines.costa@example.com',
              active: true,
            },
            teams: ['Support L1'],
            invitation: {
              state: 'expired',
              createdAt: new Date(Date.now() - 9 * 86_400_000),
              expiresAt: new Date(Date.now() - 2 * 86_400_000),
              acceptedAt: null,
              revokedAt: null,
            },
            enrolments: 2,
          },
        }),
      ),
      trpcMutationHandler({
        'hiring.reissueInvitation': () => ({
          id: 'inv-2',
          token: TOKEN,
          path: `/workspace/invite/${TOKEN}`,
          expiresAt: new Date(Date.now() + 7 * 86_400_000),
        }),
      }),
    );
    renderRoutes({ path: `/hiring/candidates/${CANDIDATE_ID}`, routes });
    expect(await screen.findByText('Link expired')).toBeInTheDocument();
    expect(screen.getByText('2 curricula enrolled')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Hire' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'New invitation link' }));
    expect(await screen.findByLabelText('Invitation link')).toHaveTextContent(
      `/workspace/invite/${TOKEN}`,
    );
  });
});
