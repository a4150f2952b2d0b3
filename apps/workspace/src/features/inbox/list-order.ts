/**
 * The order of the list the agent last looked at, so j/k on a conversation page move to
 * the next and previous conversation of that list — across reloads of the tab.
 */
const KEY = 'switchboard.inbox.order';

export interface ListOrder {
  ids: string[];
  /** The inbox URL's query string, to go back to the same view. */
  search: string;
}

export function saveListOrder(order: ListOrder): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(order));
  } catch {
    // Storage full or disabled: j/k simply stay within the page.
  }
}

export function loadListOrder(): ListOrder | null {
  try {
    const value = sessionStorage.getItem(KEY);
    return value ? (JSON.parse(value) as ListOrder) : null;
  } catch {
    return null;
  }
}

/** The id `step` places away from `currentId` in the saved order, if there is one. */
export function neighbourOf(
  order: ListOrder | null,
  currentId: string,
  step: 1 | -1,
): string | null {
  if (!order) return null;
  const index = order.ids.indexOf(currentId);
  if (index === -1) return null;
  return order.ids[index + step] ?? null;
}
