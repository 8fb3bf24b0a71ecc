export type Scope = 'own' | 'team' | 'all' | 'none';
export type Action = 'read' | 'create' | 'update' | 'delete' | 'export' | 'import';
export type ObjectPermissions = Partial<Record<Action, Scope>>;
export type FieldPermission = { read: boolean; edit: boolean };

export type User = {
  id: string;
  email: string;
  name: string;
  locale?: string | null;
  timezone?: string | null;
  tenantId: string;
  tenantName?: string;
  /** The tenant's defaults, used where the user has no preference of their own. */
  tenantTimezone?: string;
  tenantCurrency?: string;
  isAdmin: boolean;
};

export type Me = {
  user: User;
  permissions: Record<string, ObjectPermissions>;
  fields: Record<string, Record<string, FieldPermission>>;
};

export type ListResponse<T> = { data: T[]; nextCursor: string | null };

export type Ref = { id: string; name: string };
export type Phone = { label?: string; number: string; e164?: string | null };
export type Email = { label?: string; address: string };
export type Address = {
  country?: string;
  province?: string;
  city?: string;
  district?: string;
  street?: string;
  postcode?: string;
};

/** A record of any CRM object as the API returns it; object-specific fields are read by key. */
export type CrmRecord = {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt?: string | null;
  ownerId?: string | null;
  owner?: Ref | null;
  custom?: Record<string, unknown>;
  [field: string]: unknown;
};
