// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { mockFetch, renderApp } from '../../../test/render';
import '../messages';
import type { Role } from '../settings-api';
import { RolesPage } from './roles-page';

const role = (id: string, name: string, description: string, isAdmin = false): Role =>
  ({ id, name, description, isAdmin, permissions: {}, fieldPermissions: {}, userCount: 1, version: 1 }) as Role;

describe('RolesPage: built-in roles in the user language', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the three built-in roles in Chinese and a custom role as typed', async () => {
    mockFetch((url) =>
      url.pathname.endsWith('/roles')
        ? {
            body: {
              data: [
                role('r1', 'Administrator', 'Everything, including settings', true),
                role('r2', 'Sales Manager', 'Their team’s customers; sees sensitive fields'),
                role('r3', 'Sales Rep', 'Their own customers; sensitive fields masked'),
                role('r4', '华东大区经理', '华东区的客户'),
              ],
              nextCursor: null,
            },
          }
        : { body: { data: [], nextCursor: null } },
    );
    renderApp(<RolesPage />);
    await waitFor(() => expect(screen.getByText('销售代表')).toBeInTheDocument(), { timeout: 10_000 });
    const text = document.querySelector('.ant-list')?.textContent ?? '';
    for (const zh of ['管理员', '全部数据与系统设置', '销售经理', '团队的客户；可查看敏感字段', '自己的客户；敏感字段脱敏', '华东大区经理', '华东区的客户'])
      expect(text).toContain(zh);
    for (const en of ['Administrator', 'Sales Manager', 'Sales Rep', 'Everything, including settings']) expect(text).not.toContain(en);
  }, 60_000);
});
