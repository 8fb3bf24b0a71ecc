import { WarningOutlined } from '@ant-design/icons';
import { Alert, Tag, Tooltip } from 'antd';
import type { CSSProperties } from 'react';

/**
 * A saved rule or webhook that needs its owner's attention (a field it uses is no longer readable):
 * the list's tag with the reason in a tooltip, and the editor's alert. Each feature says the words.
 */
export type AttentionProps = { label: string; hint: string; testId: string; style?: CSSProperties };

export function AttentionTag({ label, hint, testId, style }: AttentionProps) {
  return (
    <Tooltip title={hint}>
      <Tag color="warning" icon={<WarningOutlined />} style={style} data-testid={testId}>
        {label}
      </Tag>
    </Tooltip>
  );
}

export function AttentionAlert({ label, hint, testId, style }: AttentionProps) {
  return <Alert type="warning" showIcon style={style} message={label} description={hint} data-testid={testId} />;
}
