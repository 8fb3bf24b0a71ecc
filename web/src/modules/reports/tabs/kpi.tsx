import { Card, Col, Row, Statistic } from 'antd';
import type { ReactNode } from 'react';

export type Kpi = { key: string; title: ReactNode; value: ReactNode; hint?: ReactNode };

/** A row of headline figures; two per row on a phone. */
export function KpiRow({ items }: { items: Kpi[] }) {
  return (
    <Row gutter={[12, 12]}>
      {items.map((k) => (
        <Col key={k.key} xs={12} md={6}>
          <Card size="small" data-testid={`kpi-${k.key}`}>
            <Statistic title={k.title} value={k.value as string} valueStyle={{ fontSize: 20 }} />
            {k.hint && <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{k.hint}</div>}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
