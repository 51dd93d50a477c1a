import { Button, FileInput, Group, Image, NumberInput, PasswordInput, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { DueDays, Settings } from '../../../../electron/core/contract';
import { useAction, useCall } from '../../api/hooks';
import { fieldError } from '../../components/errors';
import { fa, keysOf } from '../../locale/fa';

const LOGO_MAX_BYTES = 200_000;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** The directorate's name and logo (printed on slips), the queue rule, default due days, printing, staleness, the SMS gateway. */
export function GeneralSettings() {
  const settings = useCall('settings.get', {});
  return settings.data ? <GeneralSettingsForm key={JSON.stringify(settings.data)} initial={settings.data} /> : null;
}

function GeneralSettingsForm({ initial }: { initial: Settings }) {
  const save = useAction('settings.save');
  const [form, setForm] = useState(initial);
  const [logoError, setLogoError] = useState<string | undefined>();
  const setGateway = (patch: Partial<Settings['smsGateway']>) => setForm({ ...form, smsGateway: { ...form.smsGateway, ...patch } });
  const setDue = (kind: keyof DueDays, v: string | number) => setForm({ ...form, dueDays: { ...form.dueDays, [kind]: typeof v === 'number' ? v : Number(v) } });
  const onLogo = async (file: File | null) => {
    setLogoError(undefined);
    if (!file) return setForm({ ...form, logo: '' });
    if (file.size > LOGO_MAX_BYTES) return setLogoError(fa.settings.logoTooLarge);
    setForm({ ...form, logo: await readAsDataUrl(file) });
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(form, { onSuccess: () => notifications.show({ color: 'teal', message: fa.app.saved }) });
      }}
      noValidate
    >
      <Stack maw={640}>
        <TextInput label={fa.settings.directorateName} value={form.directorateName} onChange={(e) => setForm({ ...form, directorateName: e.currentTarget.value })} error={fieldError(save.error, 'directorateName')} />
        <TextInput label={fa.settings.province} value={form.province} onChange={(e) => setForm({ ...form, province: e.currentTarget.value })} error={fieldError(save.error, 'province')} />
        <Group align="flex-end">
          <FileInput
            label={fa.settings.logo}
            description={fa.settings.logoHint}
            accept="image/png,image/jpeg,image/svg+xml"
            onChange={(f) => void onLogo(f)}
            clearable
            error={logoError ?? fieldError(save.error, 'logo')}
            w={320}
          />
          {form.logo && <Image src={form.logo} alt={fa.settings.logo} h={56} w="auto" fit="contain" />}
          {form.logo && (
            <Button variant="subtle" color="red" size="xs" onClick={() => setForm({ ...form, logo: '' })}>
              {fa.settings.removeLogo}
            </Button>
          )}
        </Group>
        <NumberInput
          label={fa.settings.maxPriorityInRow}
          description={fa.settings.maxPriorityHint}
          value={form.maxPriorityInRow}
          onChange={(v) => setForm({ ...form, maxPriorityInRow: typeof v === 'number' ? v : Number(v) })}
          min={0}
          max={20}
          error={fieldError(save.error, 'maxPriorityInRow')}
          w={240}
        />
        <Title order={5}>{fa.settings.dueDays}</Title>
        <SimpleGrid cols={5}>
          {keysOf(fa.settings.kinds).map((k) => (
            <NumberInput key={k} label={fa.settings.kinds[k]} value={form.dueDays[k]} onChange={(v) => setDue(k, v)} min={0} max={365} suffix={` ${fa.settings.days}`} />
          ))}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {fa.settings.dueDaysHint}
        </Text>
        <Switch label={fa.settings.autoPrintSlips} checked={form.autoPrintSlips} onChange={(e) => setForm({ ...form, autoPrintSlips: e.currentTarget.checked })} />
        <TextInput
          label={fa.settings.printer}
          description={fa.settings.printerHint}
          value={form.printer}
          onChange={(e) => setForm({ ...form, printer: e.currentTarget.value })}
          error={fieldError(save.error, 'printer')}
          dir="ltr"
          w={320}
        />
        <NumberInput
          label={fa.settings.staleDays}
          description={fa.settings.staleDaysHint}
          value={form.staleDays}
          onChange={(v) => setForm({ ...form, staleDays: typeof v === 'number' ? v : Number(v) })}
          min={1}
          max={90}
          suffix={` ${fa.settings.days}`}
          error={fieldError(save.error, 'staleDays')}
          w={240}
          name="staleDays"
        />
        <Title order={5}>{fa.settings.sms}</Title>
        <Text size="xs" c="dimmed">
          {fa.settings.smsHint}
        </Text>
        <TextInput
          label={fa.settings.smsUrl}
          value={form.smsGateway.url}
          onChange={(e) => setGateway({ url: e.currentTarget.value })}
          error={fieldError(save.error, 'smsGateway.url')}
          dir="ltr"
          name="smsUrl"
        />
        <SimpleGrid cols={2}>
          <PasswordInput
            label={fa.settings.smsToken}
            value={form.smsGateway.token}
            onChange={(e) => setGateway({ token: e.currentTarget.value })}
            error={fieldError(save.error, 'smsGateway.token')}
            dir="ltr"
            name="smsToken"
          />
          <TextInput
            label={fa.settings.smsSender}
            value={form.smsGateway.sender}
            onChange={(e) => setGateway({ sender: e.currentTarget.value })}
            error={fieldError(save.error, 'smsGateway.sender')}
            dir="ltr"
            name="smsSender"
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {fa.app.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
