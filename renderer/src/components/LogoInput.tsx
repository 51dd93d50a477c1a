import { Button, FileInput, Group, Image } from '@mantine/core';
import { useState } from 'react';
import { fa } from '../locale/fa';

/** The largest logo file taken: its data: address stays under the 300,000 characters `settings.save` and `auth.setup` accept. */
const LOGO_MAX_BYTES = 200_000;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * The directorate's logo (PNG, JPEG or SVG, up to 200 KB) as a data: address, with its preview
 * and a remove button; `value` '' means none. A file too large is refused here with a message.
 */
export function LogoInput({ value, onChange, error, w = 320 }: { value: string; onChange(logo: string): void; error?: string; w?: number }) {
  const [file, setFile] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const onFile = async (chosen: File | null) => {
    setTooLarge(false);
    setFile(chosen);
    if (!chosen) return onChange('');
    if (chosen.size > LOGO_MAX_BYTES) return setTooLarge(true);
    onChange(await readAsDataUrl(chosen));
  };
  return (
    <Group align="flex-end">
      <FileInput
        label={fa.settings.logo}
        description={fa.settings.logoHint}
        accept="image/png,image/jpeg,image/svg+xml"
        value={file}
        onChange={(f) => void onFile(f)}
        clearable
        error={tooLarge ? fa.settings.logoTooLarge : error}
        w={w}
        name="logo"
      />
      {value && <Image src={value} alt={fa.settings.logo} h={56} w="auto" fit="contain" data-testid="logo-preview" />}
      {value && (
        <Button variant="subtle" color="red" size="xs" onClick={() => void onFile(null)}>
          {fa.settings.removeLogo}
        </Button>
      )}
    </Group>
  );
}
