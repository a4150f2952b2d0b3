export { AudienceBadge, type AudienceBadgeProps } from './badges/AudienceBadge.tsx';
export { CertificationStateBadge } from './badges/CertificationStateBadge.tsx';
export { ChannelBadge, type ChannelBadgeProps } from './badges/ChannelBadge.tsx';
export { EscalationStateBadge } from './badges/EscalationStateBadge.tsx';
export { PriorityBadge, type PriorityBadgeProps } from './badges/PriorityBadge.tsx';
export { SeverityBadge } from './badges/SeverityBadge.tsx';
export { StatusBadge, type StatusBadgeProps } from './badges/StatusBadge.tsx';
export { TrainingProgressBadge } from './badges/TrainingProgressBadge.tsx';
export { AppFrame, type AppFrameProps, type AppNavLink } from './components/AppFrame.tsx';
export { BackLink, type BackLinkProps } from './components/BackLink.tsx';
export { ColorSchemeToggle } from './components/ColorSchemeToggle.tsx';
export {
  DetailQueryState,
  type DetailQueryStateProps,
} from './components/DetailQueryState.tsx';
export { EmptyState, type EmptyStateProps } from './components/EmptyState.tsx';
export { ErrorState, type ErrorStateProps } from './components/ErrorState.tsx';
export { ListPagination, type ListPaginationProps } from './components/ListPagination.tsx';
export { ListQueryState, type ListQueryStateProps } from './components/ListQueryState.tsx';
export { Markdown, type MarkdownProps } from './components/Markdown.tsx';
export { NotAllowed, type NotAllowedProps } from './components/NotAllowed.tsx';
export { TableSkeleton } from './components/TableSkeleton.tsx';
export { UserMenu } from './components/UserMenu.tsx';
export { downloadFile } from './download-file.ts';
export { formatDateTime, formatInTimeZone, formatRelativeTime, formatShare } from './format.ts';
export { AUDIENCE_LABELS, CHANNEL_LABELS, STATUS_LABELS } from './labels.ts';
export { mountApp } from './mount-app.tsx';
export { SwitchboardProvider, type SwitchboardProviderProps } from './SwitchboardProvider.tsx';
export { switchboardTheme } from './theme.ts';
export {
  describeError,
  isClientError,
  type TRPCErrorCode,
  trpcErrorCode,
} from './trpc-errors.ts';
export { type ListParamChange, useListParams } from './use-list-params.ts';
