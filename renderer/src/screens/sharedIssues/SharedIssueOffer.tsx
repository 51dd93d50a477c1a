import { Button, Group, Paper, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useCall } from '../../api/hooks';
import { fa as faDigits } from '../../format';
import { fa, fill } from '../../locale/fa';

interface Props {
  index: number;
  countyId: string | null | undefined;
  categoryId: string | null;
  text: string;
  sharedIssueId: string | null | undefined;
  sharedIssueTitle: string | null | undefined;
  onJoin(id: string, title: string): void;
  onUnjoin(): void;
}

/** The text as typed, settled for a moment (so the host is not asked on every key). */
function useSettled(value: string, ms = 350): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/**
 * At intake, under a request: when it looks like an open shared issue of the client's county
 * and the same category, offers to join it (Enter from the last field reaches the button).
 * The operator may dismiss the offer; a joined request shows the issue and can be unjoined.
 */
export function SharedIssueOffer({ index, countyId, categoryId, text, sharedIssueId, sharedIssueTitle, onJoin, onUnjoin }: Props) {
  const settled = useSettled(text);
  const [dismissed, setDismissed] = useState<string[]>([]);
  // After joining with the keyboard, the focus stays on this request's line (its "unjoin" button).
  const justJoined = useRef(false);
  const unjoinRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (sharedIssueId && justJoined.current) {
      justJoined.current = false;
      unjoinRef.current?.focus();
    }
  }, [sharedIssueId]);
  const enabled = Boolean(countyId && categoryId) && !sharedIssueId;
  const suggest = useCall(
    'sharedIssues.suggest',
    { countyId: countyId ?? '', categoryId: categoryId ?? '', text: settled },
    { enabled, placeholderData: keepPreviousData, staleTime: 10_000 },
  );
  if (sharedIssueId) {
    return (
      <Paper bg="teal.0" p="xs" radius="sm" data-testid={`shared-joined-${index}`}>
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600} c="teal.9">
            {fill(fa.sharedIssues.joinedTo, { title: sharedIssueTitle ?? '' })}
          </Text>
          <Button ref={unjoinRef} size="compact-sm" variant="subtle" color="gray" onClick={onUnjoin} data-enter-stop>
            {fa.sharedIssues.unjoin}
          </Button>
        </Group>
      </Paper>
    );
  }
  if (!enabled) return null;
  const offer = suggest.data?.find((s) => !dismissed.includes(s.id));
  if (!offer) return null;
  return (
    <Paper bg="yellow.0" p="xs" radius="sm" withBorder role="group" aria-label={fa.sharedIssues.offerJoin} data-testid={`shared-offer-${index}`}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          {fill(fa.sharedIssues.offer, { title: offer.title })}{' '}
          <Text span size="xs" c="dimmed">
            {fill(fa.sharedIssues.offerMore, { n: faDigits(offer.joinedCount), place: offer.place || offer.countyName })}
          </Text>
        </Text>
        <Group gap={6} wrap="nowrap">
          <Button size="compact-sm" color="teal" onClick={() => {
              justJoined.current = true;
              onJoin(offer.id, offer.title);
            }} data-enter-stop data-testid={`shared-join-${index}`}>
            {fa.sharedIssues.offerJoin}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setDismissed((d) => [...d, offer.id])} data-testid={`shared-dismiss-${index}`}>
            {fa.sharedIssues.offerDismiss}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
