import { Input } from '@mantine/core';
import * as picker from 'react-multi-date-picker';
import { DateObject } from 'react-multi-date-picker';
import persian from 'react-date-object/calendars/persian';
import persian_fa from 'react-date-object/locales/persian_fa';
import gregorian from 'react-date-object/calendars/gregorian';
import gregorian_en from 'react-date-object/locales/gregorian_en';

// The package is CommonJS with an `__esModule` default; bundlers differ on which object a
// default import yields, so take the component from whichever level holds it.
type PickerComponent = typeof picker.default;
const DatePicker: PickerComponent =
  typeof picker.default === 'function' ? picker.default : (picker.default as unknown as { default: PickerComponent }).default;

interface Props {
  label: string;
  /** YYYY-MM-DD (Gregorian, as stored) or null. */
  value: string | null;
  onChange(value: string | null): void;
  error?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  name?: string;
}

/** Jalali date input: shows and takes the Solar Hijri calendar, hands back an ISO date. */
export function JalaliDateInput({ label, value, onChange, error, required, disabled, name }: Props) {
  const shown = value ? new DateObject({ date: new Date(`${value}T12:00:00Z`), calendar: persian, locale: persian_fa }) : null;
  return (
    <Input.Wrapper label={label} error={error} required={required}>
      <DatePicker
        value={shown}
        calendar={persian}
        locale={persian_fa}
        format="YYYY/MM/DD"
        calendarPosition="bottom-right"
        inputClass={`didar-date-input${error ? ' didar-date-input--error' : ''}`}
        containerStyle={{ width: '100%' }}
        name={name}
        disabled={disabled}
        onChange={(d) => {
          if (!d || Array.isArray(d)) onChange(null);
          else onChange(new DateObject(d).convert(gregorian, gregorian_en).format('YYYY-MM-DD'));
        }}
      />
    </Input.Wrapper>
  );
}
