/** RFC 9457 problem details as the server sends them. */
export type FieldError = { field: string; message: string };

export type Problem = {
  status: number;
  title: string;
  detail?: string;
  code?: string;
  errors?: FieldError[];
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldError[];

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.fieldErrors = problem.errors ?? [];
  }

  get isConflict(): boolean {
    return this.status === 412 || this.code === 'version_conflict';
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

export async function toApiError(res: Response): Promise<ApiError> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    return new ApiError({
      status: body.status ?? res.status,
      title: body.title ?? res.statusText,
      ...(body.detail !== undefined ? { detail: body.detail } : {}),
      ...(body.code !== undefined ? { code: body.code } : {}),
      ...(body.errors !== undefined ? { errors: body.errors } : {}),
    });
  } catch {
    return new ApiError({ status: res.status, title: res.statusText || text || 'Error' });
  }
}
