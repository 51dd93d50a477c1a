import { ActionIcon, Button, Checkbox, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import type { ListItem } from '../../../electron/core/contract';
import { fieldErrorExact } from '../components/errors';
import { fa as faDigits } from '../format';
import { fa } from '../locale/fa';
import { SharedIssueOffer } from './sharedIssues/SharedIssueOffer';

export interface RequestDraft {
  key: number;
  categoryId: string | null;
  text: string;
  urgent: boolean;
  /** Joined at registration to an open shared issue the operator was offered. */
  sharedIssueId?: string | null;
  sharedIssueTitle?: string | null;
}

let nextKey = 1;
export const emptyRequest = (): RequestDraft => ({ key: nextKey++, categoryId: null, text: '', urgent: false });

interface Props {
  value: RequestDraft[];
  onChange(next: RequestDraft[]): void;
  categories: ListItem[];
  error: unknown;
  /** The client's county: with a request's category, it finds shared issues to offer. */
  countyId?: string | null;
}

/** The visitor's requests: one or more, each with a category, its text and urgency. */
export function RequestsEditor({ value, onChange, categories, error, countyId }: Props) {
  const data = categories.filter((c) => c.active).map((c) => ({ value: c.id, label: c.name }));
  const update = (i: number, patch: Partial<RequestDraft>) => onChange(value.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap="sm">
      {value.map((r, i) => (
        <Paper key={r.key} withBorder p="sm" data-testid="request-row">
          <Group align="flex-start" wrap="nowrap">
            <Text fw={700} mt={28} w={24}>
              {faDigits(i + 1)}
            </Text>
            <Select
          selectFirstOptionOnChange
              label={fa.intake.category}
              data={data}
              value={r.categoryId}
              onChange={(v) => update(i, { categoryId: v })}
              searchable
              required
              w={240}
              error={fieldErrorExact(error, `requests.${i}.categoryId`)}
              name={`request-${i}-category`}
            />
            <Textarea
              label={fa.intake.text}
              value={r.text}
              onChange={(e) => update(i, { text: e.currentTarget.value })}
              autosize
              minRows={1}
              required
              style={{ flex: 1 }}
              error={fieldErrorExact(error, `requests.${i}.text`)}
              name={`request-${i}-text`}
            />
            <Checkbox label={fa.intake.urgent} checked={r.urgent} onChange={(e) => update(i, { urgent: e.currentTarget.checked })} mt={32} />
            {value.length > 1 && (
              <ActionIcon
                variant="subtle"
                color="red"
                mt={28}
                aria-label={fa.intake.removeRequest}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              >
                ×
              </ActionIcon>
            )}
          </Group>
          <SharedIssueOffer
            index={i}
            countyId={countyId}
            categoryId={r.categoryId}
            text={r.text}
            sharedIssueId={r.sharedIssueId}
            sharedIssueTitle={r.sharedIssueTitle}
            onJoin={(sharedIssueId, sharedIssueTitle) => update(i, { sharedIssueId, sharedIssueTitle })}
            onUnjoin={() => update(i, { sharedIssueId: null, sharedIssueTitle: null })}
          />
          {fieldErrorExact(error, `requests.${i}.sharedIssueId`) && (
            <Text c="red" size="sm">
              {fieldErrorExact(error, `requests.${i}.sharedIssueId`)}
            </Text>
          )}
        </Paper>
      ))}
      {fieldErrorExact(error, 'requests') && <Text c="red" size="sm">{fieldErrorExact(error, 'requests')}</Text>}
      <Group>
        <Button variant="light" onClick={() => onChange([...value, emptyRequest()])}>
          {fa.intake.addRequest}
        </Button>
      </Group>
    </Stack>
  );
}
