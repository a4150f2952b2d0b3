import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { formatMoney } from '@switchboard/domain';
import { formatInTimeZone } from '@switchboard/ui';
import { IconArrowDown } from '@tabler/icons-react';
import { DetailList } from './DetailList.tsx';
import type { ConversationDetail } from './timeline.ts';

export interface BookingCardProps {
  booking: NonNullable<ConversationDetail['booking']>;
}

function humanise(code: string): string {
  const words = code.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function BookingCard({ booking }: BookingCardProps) {
  return (
    <Paper p="md" component="section" aria-labelledby="booking-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h5" id="booking-heading">
            Booking {booking.reference}
          </Title>
          <Badge variant="light" color="gray" size="sm">
            {humanise(booking.status)}
          </Badge>
        </Group>
        <Stack gap={2}>
          <Text size="sm">{booking.pickupAddress}</Text>
          <IconArrowDown size={14} aria-label="to" color="var(--mantine-color-dimmed)" />
          <Text size="sm">{booking.dropoffAddress}</Text>
        </Stack>
        <DetailList
          items={[
            { label: 'Product', value: humanise(booking.product) },
            {
              label: 'Scheduled',
              value: (
                <>
                  {formatInTimeZone(booking.scheduledAt, booking.cityTimeZone)}
                  <Text span size="xs" c="dimmed" display="block">
                    {booking.cityName} time ({booking.cityTimeZone})
                  </Text>
                </>
              ),
            },
            {
              label: 'Fare',
              value: formatMoney({
                amountMinor: booking.fareAmountMinor,
                currency: booking.currency,
              }),
            },
            {
              label: 'Driver',
              value: booking.driverName
                ? `${booking.driverName}${booking.driverPhone ? ` · ${booking.driverPhone}` : ''}`
                : null,
            },
          ]}
        />
      </Stack>
    </Paper>
  );
}
