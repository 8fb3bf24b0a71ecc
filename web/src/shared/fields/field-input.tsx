import { DatePicker, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickLabel } from '#shared/format/localized';
import { UserSelect } from '#shared/users/user-select';
import { AddressInput } from './inputs/address-input';
import { CompanySelect } from './inputs/company-select';
import { EmailsInput, PhonesInput } from './inputs/list-inputs';
import { LookupSelect } from './inputs/lookup-select';
import type { FieldDef } from './field-types';

type Props = {
  def: FieldDef;
  value?: unknown;
  onChange?: (v: unknown) => void;
  id?: string;
  initialLabel?: string;
  placeholder?: string;
  /** Focus the control on mount (inline editing); composite inputs ignore it. */
  autoFocus?: boolean;
};

/** The widget for one field type; antd Form passes value/onChange/id. */
export function FieldInput({ def, initialLabel, ...rest }: Props) {
  const { i18n } = useTranslation();
  const options = (def.options ?? []).map((o) => ({ value: o.value, label: pickLabel(o.label, i18n.language) }));
  // Each antd control has its own value type; the Form hands us whatever was stored.
  const p = rest as Record<string, never>;
  switch (def.type) {
    case 'longtext':
      return <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} {...p} />;
    case 'number':
      return <InputNumber style={{ width: '100%' }} precision={0} {...p} />;
    case 'decimal':
    case 'money':
      return <InputNumber style={{ width: '100%' }} stringMode {...p} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} {...p} />;
    case 'datetime':
      return <DatePicker showTime style={{ width: '100%' }} {...p} />;
    case 'boolean':
      return <Switch {...p} />;
    case 'select':
      return <Select allowClear options={options} showSearch={{ optionFilterProp: 'label' }} {...p} />;
    case 'multiselect':
      return <Select mode="multiple" allowClear options={options} {...p} />;
    case 'tags':
      return <Select mode="tags" allowClear tokenSeparators={[',', '，']} options={options} {...p} />;
    case 'user':
      return <UserSelect {...p} />;
    case 'company':
      return <CompanySelect {...p} {...(initialLabel ? { initialLabel } : {})} />;
    case 'lookup':
      return <LookupSelect target={def.target} {...p} {...(initialLabel ? { initialLabel } : {})} />;
    case 'phones':
      return <PhonesInput {...p} />;
    case 'emails':
      return <EmailsInput {...p} />;
    case 'address':
      return <AddressInput {...p} />;
    case 'url':
      return <Input type="url" placeholder="https://" {...p} />;
    case 'email':
      return <Input type="email" {...p} />;
    case 'phone':
      return <Input type="tel" {...p} />;
    default:
      return <Input {...p} />;
  }
}
