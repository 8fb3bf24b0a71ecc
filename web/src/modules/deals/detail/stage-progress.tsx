import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Deal, nameOf, type Pipeline } from '../deals-api';

type Props = { deal: Deal; pipeline: Pipeline; disabled: boolean; onPick: (stageId: string) => void };

/** The open stages as a progress bar ending in won or lost; clicking a stage moves the deal there. */
export function StageProgress({ deal, pipeline, disabled, onPick }: Props) {
  const { i18n } = useTranslation();
  const open = pipeline.stages.filter((s) => s.type === 'open');
  const closing = pipeline.stages.find((s) => s.id === deal.stageId && s.type !== 'open') ?? pipeline.stages.find((s) => s.type === 'won');
  const steps = [...open, ...(closing ? [closing] : [])];
  const current = steps.findIndex((s) => s.id === deal.stageId);
  return (
    <Steps
      data-testid="stage-progress"
      size="small"
      current={current}
      status={deal.status === 'lost' ? 'error' : deal.status === 'won' ? 'finish' : 'process'}
      onChange={disabled ? undefined : (i) => steps[i] && steps[i].id !== deal.stageId && onPick(steps[i].id)}
      items={steps.map((s) => ({ title: nameOf(s.name, i18n.language), description: s.type === 'open' ? `${s.probability}%` : undefined }))}
      responsive
    />
  );
}
