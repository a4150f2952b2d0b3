import { CONVERSATION_SORTS, type ConversationStatus } from '@switchboard/domain';

export const INBOX_PAGE_SIZE = 25;

export const STATUS_TABS = [
  { value: 'open', label: 'Open', statuses: ['open'] },
  { value: 'pending', label: 'Pending', statuses: ['pending'] },
  { value: 'snoozed', label: 'Snoozed', statuses: ['snoozed'] },
  { value: 'resolved', label: 'Resolved', statuses: ['resolved', 'closed'] },
  { value: 'all', label: 'All', statuses: undefined },
] as const satisfies readonly {
  value: string;
  label: string;
  statuses: readonly ConversationStatus[] | undefined;
}[];

export type StatusTab = (typeof STATUS_TABS)[number]['value'];
export type ConversationSort = (typeof CONVERSATION_SORTS)[number];

export const SORT_OPTIONS: { value: ConversationSort; label: string }[] = [
  { value: 'newest', label: 'Newest activity' },
  { value: 'oldest', label: 'Oldest activity' },
  { value: 'priority', label: 'Most urgent first' },
];

export interface InboxFilters {
  tab: StatusTab;
  sort: ConversationSort;
  page: number;
}

function isStatusTab(value: string | null): value is StatusTab {
  return STATUS_TABS.some((tab) => tab.value === value);
}

function isSort(value: string | null): value is ConversationSort {
  return (CONVERSATION_SORTS as readonly (string | null)[]).includes(value);
}

/** Reads the inbox filters from the URL, falling back to defaults for anything unknown. */
export function parseInboxFilters(params: URLSearchParams): InboxFilters {
  const tab = params.get('status');
  const sort = params.get('sort');
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    tab: isStatusTab(tab) ? tab : 'open',
    sort: isSort(sort) ? sort : 'newest',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function statusesOf(tab: StatusTab): ConversationStatus[] | undefined {
  const statuses = STATUS_TABS.find((item) => item.value === tab)?.statuses;
  return statuses ? [...statuses] : undefined;
}
