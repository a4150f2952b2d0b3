import { Badge, Tooltip } from '@mantine/core';
import { SEVERITIES, SEVERITY_LABELS, type Severity } from '@switchboard/domain';

const SEVERITY_COLORS: Record<Severity, string> = {
  sev1: 'red',
  sev2: 'orange',
  sev3: 'yellow',
  sev4: 'gray',
};

/** SEV1–SEV4 of an escalation or incident, the same colours everywhere. */
export function SeverityBadge({ severity }: { severity: string }) {
  const known = (SEVERITIES as readonly string[]).includes(severity)
    ? (severity as Severity)
    : null;
  return (
    <Tooltip label={known ? SEVERITY_LABELS[known] : severity}>
      <Badge color={known ? SEVERITY_COLORS[known] : 'gray'} variant="filled">
        {severity.toUpperCase()}
      </Badge>
    </Tooltip>
  );
}
