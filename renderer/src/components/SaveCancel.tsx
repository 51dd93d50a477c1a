import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { fa } from '../locale/fa';

/** The end of a form in a dialog: «انصراف» and the submit button (default «ذخیره»). */
export function SaveCancel({ onCancel, pending, label = fa.app.save }: { onCancel(): void; pending: boolean; label?: ReactNode }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {fa.app.cancel}
      </Button>
      <Button type="submit" loading={pending}>
        {label}
      </Button>
    </Group>
  );
}
