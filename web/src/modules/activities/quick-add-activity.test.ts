import dayjs from 'dayjs';
import { toActivityInput } from './quick-add-activity';

describe('toActivityInput', () => {
  it('sends only the fields that belong to the type', () => {
    const due = dayjs('2026-05-01T09:00:00Z');
    expect(toActivityInput('task', { subject: ' 发报价 ', dueAt: due, durationMinutes: 5 }, { contactId: 'c1' })).toEqual({
      type: 'task',
      subject: '发报价',
      contactId: 'c1',
      dueAt: '2026-05-01T09:00:00.000Z',
    });
    expect(toActivityInput('call', { subject: 'x', durationMinutes: 2.5, outcome: '' }, { companyId: 'k' })).toEqual({
      type: 'call',
      subject: 'x',
      companyId: 'k',
      durationSeconds: 150,
    });
  });
});
