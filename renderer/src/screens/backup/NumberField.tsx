import { TextInput } from '@mantine/core';
import { toLatinDigits, toPersianDigits } from '../../../../electron/core/domain/digits';

interface Props {
  label: string;
  description?: string;
  /** As typed; shown in Persian digits. */
  value: string;
  onChange(value: string): void;
  unit?: string;
  error?: string | undefined;
  name: string;
}

/** A whole number typed in any digits and shown in Persian ones (the host checks the range and names the field). */
export function NumberField({ label, description, value, onChange, unit, error, name }: Props) {
  return (
    <TextInput
      label={label}
      description={description}
      value={toPersianDigits(value)}
      onChange={(e) => onChange(toLatinDigits(e.currentTarget.value).replace(/[^\d]/g, ''))}
      error={error}
      inputMode="numeric"
      name={name}
      rightSection={unit ? <span style={{ fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>{unit}</span> : undefined}
      rightSectionWidth={unit ? 48 : undefined}
    />
  );
}

/** The number a field holds ('' is NaN: the host answers that the field must be filled). */
export function numberOf(text: string): number {
  return text === '' ? Number.NaN : Number(text);
}
