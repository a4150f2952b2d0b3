import {
  INBOX_SORTS,
  INBOX_VIEWS,
  type InboxFilters,
  type InboxSort,
  type InboxView,
  inboxFiltersSchema,
} from '@switchboard/domain';

/** Everything that picks the rows of the inbox list; all of it lives in the URL. */
export interface InboxSelection extends InboxFilters {
  view: InboxView;
  inboxId?: string;
  sort: InboxSort;
}

export const VIEW_LABELS: Record<InboxView, string> = {
  mine: 'Mine',
  unassigned: 'Unassigned',
  inbox: 'Inbox',
  pending: 'Pending',
  snoozed: 'Snoozed',
  sla: 'SLA at risk',
  mentions: 'Mentions',
  resolved: 'Resolved by me',
};

export const SORT_OPTIONS: { value: InboxSort; label: string }[] = [
  { value: 'sla', label: 'SLA due first' },
  { value: 'newest', label: 'Newest activity' },
  { value: 'oldest', label: 'Waiting longest' },
  { value: 'priority', label: 'Most urgent first' },
];

const FILTER_KEYS = inboxFiltersSchema.keyof().options;
export type FilterKey = keyof InboxFilters;

const PARAM_NAMES: Record<FilterKey | 'view' | 'inboxId' | 'sort', string> = {
  view: 'view',
  inboxId: 'inbox',
  sort: 'sort',
  channel: 'channel',
  audience: 'audience',
  cityCode: 'city',
  priority: 'priority',
  requestTypeCode: 'type',
  tag: 'tag',
  assigneeId: 'assignee',
  search: 'q',
};

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return values.includes(value as T) ? (value as T) : fallback;
}

/** Reads the selection from the URL, dropping anything unknown rather than failing. */
export function parseInboxSelection(params: URLSearchParams): InboxSelection {
  const view = oneOf(INBOX_VIEWS, params.get('view'), 'mine');
  const inboxId = params.get('inbox') ?? undefined;
  const selection: InboxSelection = {
    view: view === 'inbox' && !inboxId ? 'mine' : view,
    sort: oneOf(INBOX_SORTS, params.get('sort'), 'sla'),
  };
  if (selection.view === 'inbox') selection.inboxId = inboxId;
  for (const key of FILTER_KEYS) {
    const value = params.get(PARAM_NAMES[key])?.trim();
    // Each filter is checked by the domain's own schema: what the server would refuse is dropped.
    const parsed = value ? inboxFiltersSchema.shape[key].safeParse(value) : null;
    if (parsed?.success && parsed.data) {
      (selection as unknown as Record<string, string>)[key] = parsed.data;
    }
  }
  return selection;
}

/** The URL parameters of a selection; defaults are left out so links stay short. */
export function selectionParams(selection: InboxSelection): URLSearchParams {
  const params = new URLSearchParams();
  if (selection.view !== 'mine') params.set('view', selection.view);
  if (selection.view === 'inbox' && selection.inboxId) params.set('inbox', selection.inboxId);
  if (selection.sort !== 'sla') params.set('sort', selection.sort);
  for (const key of FILTER_KEYS) {
    const value = selection[key];
    if (value) params.set(PARAM_NAMES[key], value);
  }
  return params;
}

export function activeFilterCount(selection: InboxSelection): number {
  return FILTER_KEYS.filter((key) => key !== 'search' && selection[key]).length;
}

export function clearFilters(selection: InboxSelection): InboxSelection {
  return { view: selection.view, inboxId: selection.inboxId, sort: selection.sort };
}
