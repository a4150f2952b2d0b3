import { waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';

/** Picks an option of a Mantine Select (jsdom lays out nothing, so options count as hidden). */
export async function pickOption(
  user: ReturnType<typeof userEvent.setup>,
  input: HTMLElement,
  option: string,
) {
  await user.click(input);
  const popup = await waitFor(() => {
    const element = document.getElementById(input.getAttribute('aria-controls') ?? '');
    if (!element) throw new Error('The dropdown did not open');
    return element;
  });
  await user.click(within(popup).getByRole('option', { name: option, hidden: true }));
}
