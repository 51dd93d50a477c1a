import { Button, Group, NumberInput, PasswordInput, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { DueDays, Settings } from '../../../../electron/core/contract';
import { useAction, useCall } from '../../api/hooks';
import { fieldError } from '../../components/errors';
import { LogoInput } from '../../components/LogoInput';
import { fa, keysOf } from '../../locale/fa';

/** The directorate's name and logo (printed on slips), the queue rule, default due days, printing, staleness, the SMS gateway. */
export function GeneralSettings() {
  const settings = useCall('settings.get', {});
  return settings.data ? <GeneralSettingsForm key={JSON.stringify(settings.data)} initial={settings.data} /> : null;
}

function GeneralSettingsForm({ initial }: { initial: Settings }) {
  const save = useAction('settings.save');
  const [form, setForm] = useState(initial);
  const setGateway = (patch: Partial<Settings['smsGateway']>) => setForm({ ...form, smsGateway: { ...form.smsGateway, ...patch } });
  const setDue = (kind: keyof DueDays, v: string | number) => setForm({ ...form, dueDays: { ...form.dueDays, [kind]: typeof v === 'number' ? v : Number(v) } });
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
        <LogoInput value={form.logo} onChange={(logo) => setForm({ ...form, logo })} error={fieldError(save.error, 'logo')} />
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
