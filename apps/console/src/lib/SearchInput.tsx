import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';

export interface SearchInputProps {
  label: string;
  placeholder?: string;
  value: string;
  /** Called once typing pauses, so the URL and the server are not hit on every key. */
  onSearch: (value: string) => void;
}

export function SearchInput({ label, placeholder, value, onSearch }: SearchInputProps) {
  const [draft, setDraft] = useState(value);
  const search = useDebouncedCallback((next: string) => onSearch(next.trim()), 300);
  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} />}
      value={draft}
      onChange={(event) => {
        setDraft(event.currentTarget.value);
        search(event.currentTarget.value);
      }}
      w={{ base: '100%', sm: 280 }}
    />
  );
}
