import { useQuery } from '@tanstack/react-query';
import { useMe } from '#shared/auth/session';
import { approvalKeys, approvalsApi } from './approvals-api';

/**
 * Whether a pending approval locks the record against the signed-in user's edits (the server
 * answers 423 to them): everyone but admins and the approvers of the current step. Record pages
 * hide their edit actions while it does; the approval card says why. Shares the card's query.
 */
export function useApprovalLock(object: string, recordId: string): boolean {
  const me = useMe();
  const { data } = useQuery({ queryKey: approvalKeys.record(object, recordId), queryFn: () => approvalsApi.forRecord(object, recordId) });
  const pending = data?.pending;
  return !!pending && !me.user.isAdmin && !pending.mine.canDecide;
}
