/**
 * What every API call answers: a value, or an error an editor can read. Errors travel as
 * data (not thrown exceptions) because IPC and HTTP both lose an Error's class and fields.
 */
export const API_ERROR_CODES = ['invalid_input', 'not_found', 'conflict', 'forbidden', 'unknown_method', 'internal', 'unauthorized'] as const;
/** ('unauthorized': the team server's answer to a call without a valid session or token.) */
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiIssue {
  path: string;
  message: string;
}

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  issues?: ApiIssue[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** Thrown by handlers for expected failures; the dispatcher turns it into an error result. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: ApiIssue[] | undefined;
  constructor(code: ApiErrorCode, message: string, issues?: ApiIssue[]) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
  }
  toBody(): ApiErrorBody {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export function failure(code: ApiErrorCode, message: string, issues?: ApiIssue[]): ApiResult<never> {
  return { ok: false, error: new ApiError(code, message, issues).toBody() };
}
