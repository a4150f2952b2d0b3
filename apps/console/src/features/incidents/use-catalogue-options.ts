import { useTRPC } from '@switchboard/ui/trpc';
import { useQuery } from '@tanstack/react-query';

/** Cities and request types as Select options (codes as values), from the filter choices. */
export function useCatalogueOptions() {
  const trpc = useTRPC();
  const catalogue = useQuery(trpc.conversations.filterOptions.queryOptions());
  const cities = (catalogue.data?.cities ?? []).map((city) => ({
    value: city.code,
    label: `${city.name} (${city.code})`,
  }));
  const requestTypes = (catalogue.data?.requestTypes ?? []).map((type) => ({
    value: type.code,
    label: `${type.name} (${type.code})`,
  }));
  return {
    cities,
    requestTypes,
    isPending: catalogue.isPending,
    isError: catalogue.isError,
  };
}

/** Keeps a value that is not (yet) among the options selectable, e.g. a prefilled code. */
export function withValue(options: { value: string; label: string }[], value: string | null) {
  return value && !options.some((option) => option.value === value)
    ? [{ value, label: value }, ...options]
    : options;
}
