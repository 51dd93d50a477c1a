import { Group, Kbd, SegmentedControl } from '@mantine/core';
import { fa as faDigits } from '../format';

interface Props<T extends string> {
  /** The choices in order; the n-th is labelled with the key n (in Persian digits). */
  options: readonly T[];
  labels: Record<NoInfer<T>, string>;
  value: NoInfer<T>;
  onChange(value: NoInfer<T>): void;
  ariaLabel: string;
  color?: string;
  testId: string;
}

/** A keyboard-friendly choice: segments each marked with the digit that picks it. */
export function NumberedSegments<T extends string>({ options, labels, value, onChange, ariaLabel, color, testId }: Props<T>) {
  return (
    <SegmentedControl
      fullWidth
      size="sm"
      aria-label={ariaLabel}
      value={value}
      onChange={(v) => onChange(v as T)}
      {...(color ? { color } : {})}
      data={options.map((o, n) => ({
        value: o,
        label: (
          <Group gap={6} justify="center" wrap="nowrap">
            <Kbd size="xs">{faDigits(n + 1)}</Kbd>
            <span>{labels[o]}</span>
          </Group>
        ),
      }))}
      data-testid={testId}
    />
  );
}

/**
 * After a numbered choice, the focus follows the checked option — unless the person has
 * already moved on (Enter to the next field before the next frame), whose focus stays put.
 */
export function refocusKind(form: HTMLFormElement | null): void {
  const active = document.activeElement;
  if (!form || !(active instanceof HTMLInputElement) || active.type !== 'radio' || !form.contains(active)) return;
  form.querySelector<HTMLInputElement>('input[type=radio]:checked')?.focus();
}
