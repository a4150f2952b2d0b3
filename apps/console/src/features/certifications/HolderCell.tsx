import { Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { CERTIFICATION_SOURCE_LABELS, CERTIFICATION_STATE_LABELS } from '@switchboard/domain';
import { CertificationStateBadge } from '@switchboard/ui';
import { IconCertificate, IconCertificateOff, IconRefresh } from '@tabler/icons-react';
import { expiryNote, formatDay } from './certification-format.ts';
import type { Holder, HolderColumn, HolderGrant } from './certification-types.ts';

/** Where a grant came from, in a line: "Granted by Helen Okafor", "Completed Refunds 101". */
function originOf(grant: HolderGrant): string {
  if (grant.source === 'curriculum' && grant.curriculumName) {
    return `Completed ${grant.curriculumName}`;
  }
  if (grant.grantedByName) return `Granted by ${grant.grantedByName}`;
  return CERTIFICATION_SOURCE_LABELS[grant.source];
}

/**
 * One person × certification cell of the matrix: the state and expiry, and a menu to grant,
 * renew or revoke it.
 */
export function HolderCell({
  person,
  certification,
  grant,
  onGrant,
  onRevoke,
}: {
  person: Holder;
  certification: HolderColumn;
  grant: HolderGrant | undefined;
  onGrant: () => void;
  onRevoke: () => void;
}) {
  const label = `${certification.name} for ${person.name}: ${
    grant ? CERTIFICATION_STATE_LABELS[grant.state] : 'not held'
  }`;
  return (
    <Menu position="bottom-start" withinPortal width={260}>
      <Menu.Target>
        <UnstyledButton aria-label={label}>
          {grant ? (
            <Stack gap={2}>
              <CertificationStateBadge state={grant.state} size="sm" />
              <Text size="xs" c="dimmed">
                {expiryNote(grant)}
              </Text>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              —
            </Text>
          )}
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {grant ? (
          <>
            <Menu.Label>
              {originOf(grant)} on {formatDay(grant.grantedAt)}
              {grant.note ? ` · “${grant.note}”` : ''}
            </Menu.Label>
            <Menu.Item leftSection={<IconRefresh size={14} />} onClick={onGrant}>
              Renew from today…
            </Menu.Item>
            <Menu.Item
              color="red"
              leftSection={<IconCertificateOff size={14} />}
              onClick={onRevoke}
            >
              Revoke…
            </Menu.Item>
          </>
        ) : (
          <Menu.Item leftSection={<IconCertificate size={14} />} onClick={onGrant}>
            Grant…
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
