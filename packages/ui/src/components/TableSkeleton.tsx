import { Skeleton, Stack } from '@mantine/core';

export function TableSkeleton({ rows = 6, label }: { rows?: number; label: string }) {
  return (
    <Stack p="md" gap="sm" aria-label={label} aria-busy>
      {Array.from({ length: rows }, (_, index) => index).map((index) => (
        <Skeleton key={index} height={40} />
      ))}
    </Stack>
  );
}
