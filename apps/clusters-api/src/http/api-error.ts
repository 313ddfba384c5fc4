import { ErrorReason, apiErrorBody, type ApiErrorBody } from '@cluster-console/shared';

/** An error that becomes one response in the contract's shape `{code, reason, message, metadata}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly metadata: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ApiErrorBody {
    return apiErrorBody(this.status, this.reason, this.message, this.metadata);
  }
}

export const validationFailed = (
  fieldErrors: Record<string, string>,
  message?: string,
): ApiError => {
  const fields = Object.keys(fieldErrors);
  return new ApiError(
    400,
    ErrorReason.VALIDATION_FAILED,
    message ??
      (fields.length === 1
        ? `Invalid ${fields[0]}: ${Object.values(fieldErrors)[0]}`
        : `The request has ${fields.length} invalid fields: ${fields.join(', ')}.`),
    fieldErrors,
  );
};

export const unauthenticated = (
  message = 'Sign in again: the access token is missing, unknown, expired or revoked.',
) => new ApiError(401, ErrorReason.UNAUTHENTICATED, message);

export const noAuthorization = (message: string) =>
  new ApiError(403, ErrorReason.NO_AUTHORIZATION, message);

export const clusterNotFound = (name: string, message = `Cluster ${name} does not exist.`) =>
  new ApiError(404, ErrorReason.RESOURCE_NOT_FOUND, message, { cluster: name });

export const resourceInUse = (message: string, referencedBy: string[]) =>
  new ApiError(409, ErrorReason.RESOURCE_IN_USE, message, {
    referenced_by: [...referencedBy].sort().join(','),
  });

export const conflict = (message: string) => new ApiError(409, ErrorReason.CONFLICT, message);

export const upstreamUnavailable = (message: string) =>
  new ApiError(503, ErrorReason.UPSTREAM_UNAVAILABLE, message);

export const internalError = () =>
  new ApiError(
    500,
    ErrorReason.INTERNAL,
    'Something went wrong on the server. Try again; if it persists, tell an administrator.',
  );
