import { Badge, Button, Center, Code, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { ConnectionStatus, FoundHost, ProbedHost } from '../../../../electron/core/contract/connection';
import { parseHostAddress } from '../../../../electron/core/domain/hostAddress';
import type { DesktopConnection } from '../../api/transport';
import { fa } from '../../locale/fa';

const t = fa.station.choice;
type Reason = keyof typeof t.reasons;

/**
 * The desktop's first run: this PC holds the data (host), or it joins a host found on the LAN
 * by mDNS or typed as an address. Over TLS the host's certificate fingerprint is shown to be
 * compared with the host's own settings screen before joining (it is then pinned).
 */
export function ConnectionChoice({ connection, onChosen }: { connection: DesktopConnection; onChosen: (s: ConnectionStatus) => void }) {
  const [step, setStep] = useState<'choose' | 'join'>('choose');
  const [busy, setBusy] = useState(false);
  const host = async () => {
    setBusy(true);
    try {
      onChosen(await connection.chooseHost());
    } finally {
      setBusy(false);
    }
  };
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" w={760}>
        {step === 'choose' ? (
          <Stack>
            <Title order={2}>{t.title}</Title>
            <Text size="sm" c="dimmed">
              {t.intro}
            </Text>
            <SimpleGrid cols={2}>
              <ChoiceCard title={t.hostTitle} text={t.hostText}>
                <Button onClick={() => void host()} loading={busy} autoFocus data-testid="choose-host">
                  {t.hostButton}
                </Button>
              </ChoiceCard>
              <ChoiceCard title={t.joinTitle} text={t.joinText}>
                <Button variant="light" onClick={() => setStep('join')} data-testid="choose-join">
                  {t.joinButton}
                </Button>
              </ChoiceCard>
            </SimpleGrid>
          </Stack>
        ) : (
          <JoinHost connection={connection} onJoined={onChosen} onBack={() => setStep('choose')} />
        )}
      </Paper>
    </Center>
  );
}

/** One of the two ways this PC can work, with the button that chooses it. */
function ChoiceCard({ title, text, children }: { title: string; text: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Stack h="100%" justify="space-between">
        <Stack gap="xs">
          <Title order={4}>{title}</Title>
          <Text size="sm">{text}</Text>
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

function JoinHost({ connection, onJoined, onBack }: { connection: DesktopConnection; onJoined: (s: ConnectionStatus) => void; onBack: () => void }) {
  const [found, setFound] = useState<FoundHost[] | null>(null);
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [probed, setProbed] = useState<ProbedHost | null>(null);
  const [busy, setBusy] = useState(false);

  const [round, setRound] = useState(0);
  const search = () => {
    setFound(null);
    setRound((r) => r + 1);
  };
  useEffect(() => {
    let live = true;
    void connection.discover().then(
      (hosts) => live && setFound(hosts),
      () => live && setFound([]),
    );
    return () => {
      live = false;
    };
  }, [connection, round]);

  const check = async (typed: string) => {
    setProbed(null);
    setError(null);
    if (!parseHostAddress(typed)) return setError(t.reasons.address);
    setBusy(true);
    try {
      const outcome = await connection.probe(typed);
      if (outcome.ok) setProbed(outcome.host);
      else setError(t.reasons[outcome.reason as Reason]);
    } finally {
      setBusy(false);
    }
  };
  const join = async () => {
    if (!probed) return;
    setBusy(true);
    try {
      const outcome = await connection.join(probed.url, probed.certificate?.fingerprint256 ?? null);
      if (outcome.ok) onJoined(outcome.status);
      else {
        setProbed(null);
        setError(t.reasons[outcome.reason as Reason]);
      }
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void check(address);
  };

  return (
    <Stack>
      <Title order={2}>{t.joinTitle}</Title>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t.found}</Text>
          <Button variant="subtle" size="xs" onClick={search} disabled={found === null}>
            {t.searchAgain}
          </Button>
        </Group>
        {found === null ? (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">{t.searching}</Text>
          </Group>
        ) : found.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t.noneFound}
          </Text>
        ) : (
          <Stack gap={4} data-testid="found-hosts">
            {found.map((h) => (
              <Button
                key={`${h.name}|${h.url}`}
                variant="default"
                justify="space-between"
                h="auto"
                py="xs"
                onClick={() => {
                  setAddress(h.url);
                  void check(h.url);
                }}
                rightSection={h.tls ? <Badge color="green">{t.secure}</Badge> : null}
              >
                <Stack gap={0} align="flex-start">
                  <Text fw={600}>{h.directorate || h.name}</Text>
                  <Text size="xs" c="dimmed">
                    <span dir="ltr">
                      {h.name} — {h.url}
                    </span>
                  </Text>
                </Stack>
              </Button>
            ))}
          </Stack>
        )}
      </Stack>
      <form onSubmit={submit} noValidate>
        <Group align="flex-end">
          <TextInput
            style={{ flex: 1 }}
            label={t.address}
            description={t.addressHint}
            value={address}
            onChange={(e) => setAddress(e.currentTarget.value)}
            error={error}
            dir="ltr"
            autoFocus
            data-testid="host-address"
          />
          <Button type="submit" variant="light" loading={busy && !probed}>
            {t.check}
          </Button>
        </Group>
      </form>
      {probed && (
        <Paper withBorder p="md" bg="green.0" data-testid="probed-host">
          <Stack gap="xs">
            <Text fw={600}>{t.foundHost.replace('{name}', probed.directorateName)}</Text>
            <Text size="sm">
              <span dir="ltr">{probed.url}</span>
            </Text>
            {probed.certificate && (
              <>
                <Text size="sm">{t.fingerprint}</Text>
                <Code block dir="ltr" data-testid="fingerprint" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                  {probed.certificate.fingerprint256}
                </Code>
                <Text size="xs" c="dimmed">
                  {t.fingerprintHint}
                </Text>
              </>
            )}
            <Group>
              <Button onClick={() => void join()} loading={busy} data-testid="join-host">
                {probed.certificate ? t.joinSecure : t.join}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      <Group>
        <Button variant="subtle" onClick={onBack}>
          {t.back}
        </Button>
      </Group>
    </Stack>
  );
}
