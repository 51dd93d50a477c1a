import { Alert, Button, Code, FileInput, Group, Modal, NumberInput, Paper, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { ConnectionStatus } from '../../../../electron/core/contract/connection';
import type { StationView } from '../../../../electron/core/contract/station';
import { session } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { desktopBridge } from '../../api/transport';
import { fieldError } from '../../components/errors';
import { jalaliDateOf, ltrIsolate } from '../../format';
import { fa } from '../../locale/fa';

const t = fa.station.settings;

/** How this PC works (desktop app only), and the LAN station's address, port and TLS (the admin; applied at the host's next start). */
export function NetworkSettings() {
  const station = useCall('station.get', {});
  return (
    <Stack maw={720}>
      <ThisPc />
      {station.data && <StationForm key={JSON.stringify(station.data)} initial={station.data} onSaved={() => void station.refetch()} />}
    </Stack>
  );
}

function ThisPc() {
  const bridge = desktopBridge();
  const [status, setStatus] = useState<ConnectionStatus | null>(null);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (!bridge) return;
    void bridge.connection.status().then(setStatus);
    return bridge.onStatus(() => void bridge.connection.status().then(setStatus));
  }, [bridge]);
  if (!bridge || !status?.mode) return null;
  const change = async () => {
    if (await bridge.connection.forget(session.token)) window.location.reload();
  };
  return (
    <Paper withBorder p="md" data-testid="this-pc">
      <Stack gap="xs">
        <Title order={4}>{t.thisPc}</Title>
        {status.mode === 'host' ? (
          <>
            <Text>{t.modeHost}</Text>
            {status.url ? <Text>{t.sharedAt.replace('{url}', ltrIsolate(status.url))}</Text> : <Text c="dimmed">{t.localOnly}</Text>}
            {status.stationProblem && <Alert color="orange">{t.stationProblem.replace('{problem}', status.stationProblem)}</Alert>}
          </>
        ) : (
          <>
            <Text>{t.modeJoin.replace('{name}', status.directorateName).replace('{url}', ltrIsolate(status.url ?? ''))}</Text>
            <Text c={status.online ? 'teal' : 'red'}>{status.online ? t.online : t.offline}</Text>
          </>
        )}
        <Group>
          <Button variant="light" color="orange" onClick={() => setConfirming(true)}>
            {t.change}
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t.change}>
        <Stack>
          <Text>{status.mode === 'host' ? t.changeConfirmHost : t.changeConfirmJoin}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {fa.app.cancel}
            </Button>
            <Button color="orange" onClick={() => void change()}>
              {t.changeConfirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

const readText = (file: File | null): Promise<string> => (file ? file.text() : Promise.resolve(''));

function StationForm({ initial, onSaved }: { initial: StationView; onSaved: () => void }) {
  const save = useAction('station.update');
  const [bind, setBind] = useState(initial.bind);
  const [port, setPort] = useState<number | string>(initial.port);
  const [requireTls, setRequireTls] = useState(initial.requireTls);
  const [certificatePem, setCertificatePem] = useState('');
  const [keyPem, setKeyPem] = useState('');
  const [removeCertificate, setRemoveCertificate] = useState(false);
  const options = [
    { value: '0.0.0.0', label: t.bindAll },
    { value: '127.0.0.1', label: t.bindLocal },
    ...initial.interfaces.filter((i) => !i.address.startsWith('127.')).map((i) => ({ value: i.address, label: `${i.name} — ${i.address}` })),
  ];
  if (!options.some((o) => o.value === bind)) options.push({ value: bind, label: bind });
  const cert = removeCertificate ? null : initial.certificate;
  const submit = () =>
    save.mutate(
      { bind, port: typeof port === 'number' ? port : Number(port), requireTls, certificatePem, keyPem, removeCertificate },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t.saved });
          onSaved();
        },
      },
    );
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Title order={4}>{t.station}</Title>
          <Text size="sm" c="dimmed">
            {t.stationHint}
          </Text>
          <Group grow align="flex-start">
            <Select label={t.bind} data={options} value={bind} onChange={(v) => v && setBind(v)} allowDeselect={false} error={fieldError(save.error, 'bind')} data-testid="station-bind" />
            <NumberInput label={t.port} value={port} onChange={setPort} min={1024} max={65535} allowDecimal={false} error={fieldError(save.error, 'port')} maw={160} />
          </Group>
          <Switch label={t.requireTls} checked={requireTls} onChange={(e) => setRequireTls(e.currentTarget.checked)} error={fieldError(save.error, 'requireTls')} />
          {cert ? (
            <Stack gap={2} data-testid="station-certificate">
              <Text size="sm">{t.certificateFor.replace('{subject}', cert.subject)}</Text>
              <Text size="sm">
                {t.certificateIssuer.replace('{issuer}', cert.selfSigned ? t.certificateSelfSigned : cert.issuer)}
              </Text>
              <Text size="sm">{t.certificateValid.replace('{from}', jalaliDateOf(cert.validFrom)).replace('{to}', jalaliDateOf(cert.validTo))}</Text>
              <Code block dir="ltr" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {cert.fingerprint256}
              </Code>
              <Group>
                <Button size="xs" variant="subtle" color="red" onClick={() => setRemoveCertificate(true)}>
                  {t.removeCertificate}
                </Button>
              </Group>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t.certificateNone}
            </Text>
          )}
          <Group grow align="flex-start">
            <FileInput label={t.certificate} placeholder={t.chooseFile} accept=".pem,.crt,.cer" clearable onChange={(f) => void readText(f).then(setCertificatePem)} error={fieldError(save.error, 'certificatePem')} />
            <FileInput label={t.key} placeholder={t.chooseFile} accept=".pem,.key" clearable onChange={(f) => void readText(f).then(setKeyPem)} error={fieldError(save.error, 'keyPem')} />
          </Group>
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="station-save">
              {t.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
