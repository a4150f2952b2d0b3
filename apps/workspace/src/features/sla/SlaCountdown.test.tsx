import { renderWithProviders } from '@switchboard/ui/testing';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SlaCountdown } from './SlaCountdown.tsx';

const MINUTE = 60_000;

describe('SlaCountdown', () => {
  it('names the clock that is due and counts down to it', () => {
    const dueAt = new Date(Date.now() + 12 * MINUTE + 5_000);
    renderWithProviders(
      <SlaCountdown
        dueAt={dueAt}
        clocks={{
          firstResponseDueAt: null,
          nextResponseDueAt: dueAt,
          resolutionDueAt: new Date(Date.now() + 600 * MINUTE),
          slaPausedAt: null,
        }}
      />,
    );
    expect(screen.getByLabelText('SLA due: Next response: 12m left')).toBeInTheDocument();
  });

  it('turns red with the time over once breached, and says when it is paused', () => {
    const { unmount } = renderWithProviders(
      <SlaCountdown dueAt={new Date(Date.now() - 3 * 60 * MINUTE)} />,
    );
    expect(screen.getByLabelText('SLA breached: 3h 0m over')).toBeInTheDocument();
    unmount();
    renderWithProviders(<SlaCountdown dueAt={new Date()} paused />);
    expect(screen.getByText('SLA paused')).toBeInTheDocument();
  });
});
