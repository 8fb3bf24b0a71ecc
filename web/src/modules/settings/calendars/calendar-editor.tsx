import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Drawer, Form, Input, Select, Space, Switch, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '#shared/api/client';
import { isApiError } from '#shared/api/problem';
import { allTimeZones, zoneOffset } from '#shared/format/time-zone';
import { DAY_KEYS, daysText, type Interval, parseDays } from './calendar-form.rules';
import type { Calendar } from './calendars-page';

type Props = { calendar: Calendar | undefined; onClose: () => void; onSaved: () => void };
const NINE_TO_SIX: Interval = { start: '09:00', end: '18:00' };
const NEW_WEEK: Interval[][] = [[NINE_TO_SIX], [NINE_TO_SIX], [NINE_TO_SIX], [NINE_TO_SIX], [NINE_TO_SIX], [], []];

/** Creates or replaces a calendar: name, zone, each weekday's hours, holidays and make-up days pasted a line each. */
export function CalendarEditor({ calendar, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const days = DAY_KEYS.map((k) => t(`calendars.days.${k}`));
  const zones = useMemo(() => allTimeZones().map((z) => ({ value: z, label: `${z} (${zoneOffset(z)})` })), []);
  const [name, setName] = useState(calendar?.name ?? '');
  const [timeZone, setTimeZone] = useState(calendar?.timeZone ?? 'Asia/Shanghai');
  const [week, setWeek] = useState<Interval[][]>(calendar?.week ?? NEW_WEEK);
  const [holidays, setHolidays] = useState(daysText(calendar?.holidays ?? []));
  const [workdays, setWorkdays] = useState(daysText(calendar?.workdays ?? []));
  const [isDefault, setIsDefault] = useState(calendar?.isDefault ?? false);
  const [problems, setProblems] = useState<string[]>([]);

  const label = (field: string) => {
    const [list, i] = field.split('.');
    if (list === 'week' && i !== undefined) return days[Number(i)] ?? field;
    if (list === 'holidays' || list === 'workdays' || list === 'name' || list === 'timeZone') return t(`calendars.${list}`);
    return field;
  };
  const save = useMutation({
    mutationFn: () => {
      const h = parseDays(holidays);
      const w = parseDays(workdays);
      const bad = [
        ...h.bad.map((line) => `${t('calendars.holidays')}: ${t('calendars.badLine', { line })}`),
        ...w.bad.map((line) => `${t('calendars.workdays')}: ${t('calendars.badLine', { line })}`),
      ];
      if (bad.length) return Promise.reject(new Error(bad.join('\n')));
      const body = { name, timeZone, week, holidays: h.days, workdays: w.days, isDefault };
      return calendar
        ? api<Calendar>(`/business-calendars/${calendar.id}`, { method: 'PUT', body, ifMatch: calendar.version })
        : api<Calendar>('/business-calendars', { method: 'POST', body });
    },
    onSuccess: onSaved,
    onError: (e) => {
      if (isApiError(e) && e.fieldErrors.length) setProblems(e.fieldErrors.map((f) => `${label(f.field)}: ${f.message}`));
      else setProblems(e.message.split('\n'));
    },
  });
  const setDay = (i: number, intervals: Interval[]) => setWeek((w) => w.map((d, j) => (j === i ? intervals : d)));

  return (
    <Drawer
      open
      size="large"
      title={calendar ? t('calendars.edit') : t('calendars.new')}
      onClose={onClose}
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => save.mutate()} data-testid="calendar-save">
          {t('common.save')}
        </Button>
      }
    >
      <Form layout="vertical">
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('calendars.problems')}
            description={problems.map((p) => <div key={p}>{p}</div>)}
            data-testid="calendar-problems"
          />
        )}
        <Form.Item label={t('calendars.name')} required>
          <Input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} data-testid="calendar-name" />
        </Form.Item>
        <Form.Item label={t('calendars.timeZone')} required>
          <Select showSearch={{ optionFilterProp: 'label' }} value={timeZone} options={zones} onChange={setTimeZone} data-testid="calendar-zone" />
        </Form.Item>
        <Form.Item label={t('calendars.hours')}>
          {week.map((intervals, i) => (
            <Space key={DAY_KEYS[i]} align="start" style={{ display: 'flex', marginBottom: 8 }} data-testid={`calendar-day-${i}`}>
              <Typography.Text style={{ display: 'inline-block', width: 48, lineHeight: '32px' }}>{days[i]}</Typography.Text>
              <Switch
                style={{ marginTop: 5 }}
                checked={intervals.length > 0}
                onChange={(on) => setDay(i, on ? [NINE_TO_SIX] : [])}
                data-testid={`calendar-day-${i}-open`}
              />
              <Space direction="vertical" size={4}>
                {intervals.length === 0 && (
                  <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
                    {t('calendars.closed')}
                  </Typography.Text>
                )}
                {intervals.map((iv, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: intervals have no ids; their place is what they are.
                  <Space.Compact key={j}>
                    <Input
                      style={{ width: 80 }}
                      value={iv.start}
                      placeholder="09:00"
                      onChange={(e) =>
                        setDay(
                          i,
                          intervals.map((x, k) => (k === j ? { ...x, start: e.target.value } : x)),
                        )
                      }
                      data-testid={`calendar-day-${i}-${j}-start`}
                    />
                    <Input style={{ width: 32, pointerEvents: 'none' }} value="–" readOnly tabIndex={-1} />
                    <Input
                      style={{ width: 80 }}
                      value={iv.end}
                      placeholder="18:00"
                      onChange={(e) =>
                        setDay(
                          i,
                          intervals.map((x, k) => (k === j ? { ...x, end: e.target.value } : x)),
                        )
                      }
                      data-testid={`calendar-day-${i}-${j}-end`}
                    />
                    <Button
                      onClick={() =>
                        setDay(
                          i,
                          intervals.filter((_, k) => k !== j),
                        )
                      }
                      aria-label={t('common.delete')}
                    >
                      ×
                    </Button>
                  </Space.Compact>
                ))}
                {intervals.length > 0 && (
                  <Button size="small" type="link" onClick={() => setDay(i, [...intervals, { start: '', end: '' }])} data-testid={`calendar-day-${i}-add`}>
                    + {t('calendars.addInterval')}
                  </Button>
                )}
              </Space>
            </Space>
          ))}
        </Form.Item>
        <Form.Item label={t('calendars.holidays')} extra={t('calendars.datesHint')}>
          <Input.TextArea rows={6} value={holidays} onChange={(e) => setHolidays(e.target.value)} data-testid="calendar-holidays" />
        </Form.Item>
        <Form.Item label={t('calendars.workdays')} extra={t('calendars.workdaysHint')}>
          <Input.TextArea rows={3} value={workdays} onChange={(e) => setWorkdays(e.target.value)} data-testid="calendar-workdays" />
        </Form.Item>
        {!calendar?.isDefault && (
          <Form.Item label={t('calendars.isDefault')}>
            <Switch checked={isDefault} onChange={setIsDefault} data-testid="calendar-is-default" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
