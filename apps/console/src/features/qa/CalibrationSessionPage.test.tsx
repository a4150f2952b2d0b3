import { calibrationResult } from '@switchboard/domain';
import { renderRoutes, trpcHandler } from '@switchboard/ui/testing';
import { screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { consoleRoutes } from '../../router.tsx';
import {
  CRITERIA,
  calibrationDetail,
  LEAD_ID,
  leadViewer,
  OTHER_LEAD_ID,
  SESSION_ID,
  TRAINER_ID,
} from './qa-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const open = () => renderRoutes({ path: `/qa/calibration/${SESSION_ID}`, routes: consoleRoutes });

describe('calibration session', () => {
  it('keeps the others’ scores hidden while the viewer scores blind', async () => {
    server.use(
      trpcHandler({ 'people.me': () => leadViewer, 'qa.calibration': () => calibrationDetail() }),
    );
    open();
    expect(await screen.findByText('Scoring blind')).toBeVisible();
    const reviewers = screen.getByRole('list', { name: 'Reviewers' });
    expect(within(reviewers).getByText(/Helen Okafor/)).toHaveTextContent(/submitted/);
    expect(within(reviewers).getByText(/Karim Mansour/)).toHaveTextContent('not yet');
    expect(screen.getByRole('region', { name: 'Score the conversation' })).toHaveTextContent(
      'Your scores (blind)',
    );
    expect(screen.getByRole('button', { name: 'Reveal the scores' })).toBeDisabled();
    expect(
      screen.getByText('Wait until at least 2 reviewers have submitted their scores'),
    ).toBeVisible();
    expect(screen.queryByRole('table', { name: 'Spread per criterion' })).toBeNull();
  });

  it('shows every score, the spread and the agreement once revealed', async () => {
    const answers = [
      {
        greets_by_name: { score: 1 },
        acknowledges_feelings: { score: 2 },
        protects_personal_data: { score: 1 },
      },
      {
        greets_by_name: { score: 1 },
        acknowledges_feelings: { score: 1 },
        protects_personal_data: { score: 1 },
      },
      {
        greets_by_name: { score: 1 },
        acknowledges_feelings: { score: 2 },
        protects_personal_data: { score: 1 },
      },
    ];
    const ids = [TRAINER_ID, OTHER_LEAD_ID, LEAD_ID];
    const base = calibrationDetail();
    const revealed = calibrationDetail({
      session: {
        ...base.session,
        status: 'revealed',
        revealedAt: new Date('2026-03-13T09:00:00Z'),
      },
      reviewers: base.reviewers.map((reviewer, index) => ({
        ...reviewer,
        status: 'submitted',
        submittedAt: new Date('2026-03-12T12:00:00Z'),
        scores: answers[index]!,
        score: 90,
        comment: index === 1 ? 'Empathy came late.' : '',
      })),
      result: calibrationResult(
        CRITERIA,
        answers.map((item, index) => ({ reviewerId: ids[index]!, answers: item })),
      ),
      revealRefusal: 'This session has been revealed already',
    });
    server.use(trpcHandler({ 'people.me': () => leadViewer, 'qa.calibration': () => revealed }));
    open();
    expect(await screen.findByText('67%')).toBeVisible();
    expect(screen.getByText('Needs a calibration talk')).toBeVisible();
    const spread = screen.getByRole('table', { name: 'Spread per criterion' });
    const empathy = within(spread).getByRole('rowheader', {
      name: /Acknowledges how the guest feels/,
    }).parentElement as HTMLElement;
    expect(within(empathy).getByText('No')).toBeVisible();
    expect(within(empathy).getByText('0.47')).toBeVisible();
    expect(screen.getByText('Empathy came late.')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Reveal the scores' })).toBeNull();
  });
});
