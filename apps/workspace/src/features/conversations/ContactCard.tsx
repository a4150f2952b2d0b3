import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { AudienceBadge } from '@switchboard/ui';
import { DetailList } from './DetailList.tsx';
import type { ConversationDetail } from './timeline.ts';

export interface ContactCardProps {
  contact: NonNullable<ConversationDetail['contact']>;
  language: string;
}

export function ContactCard({ contact, language }: ContactCardProps) {
  return (
    <Paper p="md" component="section" aria-labelledby="contact-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h5" id="contact-heading">
            Contact
          </Title>
          <AudienceBadge audience={contact.audience} size="sm" />
        </Group>
        <Text fw={600}>{contact.name}</Text>
        <DetailList
          items={[
            { label: 'City', value: contact.cityName },
            { label: 'Language', value: language || contact.locale },
            {
              label: 'Email',
              value: contact.email ? (
                <Anchor href={`mailto:${contact.email}`} size="sm">
                  {contact.email}
                </Anchor>
              ) : null,
            },
            {
              label: 'Phone',
              value: contact.phone ? (
                <Anchor href={`tel:${contact.phone}`} size="sm">
                  {contact.phone}
                </Anchor>
              ) : null,
            },
          ]}
        />
      </Stack>
    </Paper>
  );
}
