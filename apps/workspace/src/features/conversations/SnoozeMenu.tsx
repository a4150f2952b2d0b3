import { Button, Group, Menu, Modal, Stack, TextInput } from '@mantine/core';
import { IconClockPause } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';

export interface SnoozeMenuProps {
  disabled: boolean;
  onSnooze: (until: Date) => void;
}

/** Later today, tomorrow morning, next week, or a time of the agent's choosing. */
function presets(now = dayjs()) {
  const tomorrowMorning = now.add(1, 'day').hour(9).minute(0).second(0);
  const nextMonday = now
    .add((8 - now.day()) % 7 || 7, 'day')
    .hour(9)
    .minute(0)
    .second(0);
  return [
    { label: 'For 1 hour', until: now.add(1, 'hour') },
    { label: 'For 4 hours', until: now.add(4, 'hour') },
    { label: 'Until tomorrow 09:00', until: tomorrowMorning },
    { label: 'Until Monday 09:00', until: nextMonday },
  ];
}

export function SnoozeMenu({ disabled, onSnooze }: SnoozeMenuProps) {
  const [custom, setCustom] = useState(false);
  const [value, setValue] = useState('');
  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconClockPause size={14} />}
            disabled={disabled}
          >
            Snooze
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {presets().map((preset) => (
            <Menu.Item key={preset.label} onClick={() => onSnooze(preset.until.toDate())}>
              {preset.label}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={() => setCustom(true)}>Pick a time…</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={custom} onClose={() => setCustom(false)} title="Snooze until">
        <Stack>
          <TextInput
            type="datetime-local"
            label="Comes back at"
            value={value}
            onChange={(event) => setValue(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button
              disabled={!value}
              onClick={() => {
                onSnooze(new Date(value));
                setCustom(false);
              }}
            >
              Snooze
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
