import { TextInput } from '@mantine/core';
import { fa } from '../locale/fa';

interface Props {
  label: string;
  /** As typed and shown (Persian digits with separators); the form reads the number from it. */
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  name: string;
}

/** An amount in toman: typed in any digits, shown with the unit beside it. */
export function TomanInput({ label, value, onChange, error, name }: Props) {
  return (
    <TextInput
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      rightSection={<span style={{ fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>{fa.desk.toman}</span>}
      rightSectionWidth={48}
      inputMode="numeric"
      name={name}
    />
  );
}
