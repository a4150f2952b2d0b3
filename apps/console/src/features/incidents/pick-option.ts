import { fireEvent, waitFor, within } from '@testing-library/react';

/**
 * Picks an option of a Mantine Select or MultiSelect (for tests). Plain clicks: Mantine only
 * listens for clicks, and user-event's pointer simulation is slow in large forms.
 */
export async function pickOption(input: HTMLElement, option: string | RegExp) {
  fireEvent.click(input);
  const popup = await waitFor(() => {
    const id = input.getAttribute('aria-controls');
    const element = id ? document.getElementById(id) : null;
    if (!element) throw new Error('The options did not open');
    return element;
  });
  fireEvent.click(within(popup).getByRole('option', { name: option, hidden: true }));
}
