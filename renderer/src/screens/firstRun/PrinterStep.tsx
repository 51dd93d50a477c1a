import { Alert, Badge, Group, Loader, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { desktopBridge } from '../../api/transport';
import { fa } from '../../locale/fa';
import type { StepProps } from './stepProps';

type Printers = { name: string; isDefault: boolean }[];

/**
 * What this window can say about printers: in a browser none (printing goes through the
 * browser's PDF); in the desktop app the PC's printers when the bridge lists them, else a name
 * typed by hand.
 */
function usePrinters(): 'browser' | 'manual' | 'loading' | Printers {
  const bridge = desktopBridge();
  const [printers, setPrinters] = useState<'manual' | 'loading' | Printers>(bridge?.printers ? 'loading' : 'manual');
  useEffect(() => {
    if (!bridge?.printers) return;
    let live = true;
    bridge.printers().then(
      (list) => live && setPrinters(list),
      () => live && setPrinters('manual'),
    );
    return () => {
      live = false;
    };
  }, [bridge]);
  return bridge ? printers : 'browser';
}

/** Step 5: print silently to one of the PC's printers, or ask every time (and save a PDF); in a browser, an explanation. */
export function PrinterStep({ state, set, error, refocus }: StepProps) {
  const printers = usePrinters();
  const loaded = Array.isArray(printers);
  useEffect(() => {
    if (loaded) refocus(); // the choices came after the step was shown
  }, [loaded]); // eslint-disable-line react-hooks/exhaustive-deps -- once, when the list arrives
  if (printers === 'browser') {
    return (
      <Alert color="blue" variant="light" title={fa.setup.steps.printer} data-testid="browser-printing">
        {fa.setup.browserPrinting}
      </Alert>
    );
  }
  if (printers === 'loading') {
    return (
      <Group>
        <Loader size="sm" />
        <Text>{fa.setup.printersLoading}</Text>
      </Group>
    );
  }
  if (printers === 'manual') {
    return (
      <TextInput
        label={fa.setup.printerName}
        description={fa.setup.printerNameHint}
        value={state.printer}
        onChange={(e) => set({ printer: e.currentTarget.value })}
        error={error('printer')}
        name="printer"
        dir="ltr"
        maw={440}
        data-autofocus
      />
    );
  }
  // A printer chosen earlier that this PC no longer lists stays a choice, so it is not lost silently.
  const names = printers.map((p) => p.name);
  const choices = state.printer && !names.includes(state.printer) ? [...printers, { name: state.printer, isDefault: false }] : printers;
  return (
    <Radio.Group label={fa.setup.printerIntro} value={state.printer} onChange={(printer) => set({ printer })} error={error('printer')} name="printer">
      <Stack gap="sm" mt="sm">
        <Radio value="" label={fa.setup.askEveryTime} data-autofocus={state.printer === '' ? true : undefined} />
        {choices.map((p) => (
          <Radio
            key={p.name}
            value={p.name}
            data-autofocus={state.printer === p.name ? true : undefined}
            label={
              <Group gap="xs">
                <Text span dir="ltr">
                  {p.name}
                </Text>
                {p.isDefault && (
                  <Badge size="sm" variant="light">
                    {fa.setup.defaultPrinter}
                  </Badge>
                )}
              </Group>
            }
          />
        ))}
        {printers.length === 0 && (
          <Text size="sm" c="dimmed">
            {fa.setup.noPrinters}
          </Text>
        )}
      </Stack>
    </Radio.Group>
  );
}
