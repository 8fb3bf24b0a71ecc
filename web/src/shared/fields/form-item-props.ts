import dayjs, { type Dayjs } from 'dayjs';
import { fromPickerValue, toPickerValue } from '#shared/format/picker-time';
import type { FieldType } from './field-types';

type ItemProps = {
  valuePropName?: string;
  getValueProps?: (value: unknown) => Record<string, unknown>;
  normalize?: (value: unknown) => unknown;
};

const toDayjs = (v: unknown): Dayjs | undefined => (typeof v === 'string' && v ? dayjs(v) : undefined);

/** How a form item converts between API values (ISO strings) and widget values (dayjs, checked). */
export function formItemProps(type: FieldType): ItemProps {
  switch (type) {
    case 'boolean':
      return { valuePropName: 'checked' };
    case 'date':
      return {
        getValueProps: (v) => ({ value: toDayjs(v) }),
        normalize: (v) => (dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : null),
      };
    case 'datetime':
      // Shown and picked on the user's saved zone's clock, not the browser's.
      return {
        getValueProps: (v) => ({ value: toPickerValue(v) }),
        normalize: (v) => (dayjs.isDayjs(v) ? fromPickerValue(v) : null),
      };
    default:
      return {};
  }
}
