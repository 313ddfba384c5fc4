import { ErrorReason, apiErrorBody } from '@cluster-console/shared';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ApiError, internalError, validationFailed } from './api-error';

/** Errors from express.json() (body-parser) carry `type` and `status`. */
interface BodyParserError {
  type?: unknown;
  status?: unknown;
}

function fromBodyParser(error: unknown): ApiError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, status } = error as BodyParserError;
  if (typeof type !== 'string' || typeof status !== 'number') return undefined;
  if (type === 'entity.too.large') {
    return new ApiError(
      413,
      ErrorReason.PAYLOAD_TOO_LARGE,
      'The request body is larger than the limit of 1 MiB.',
    );
  }
  if (type === 'entity.parse.failed') {
    // Never echo the parser's message: it quotes the body.
    return validationFailed(
      { body: 'The request body is not valid JSON.' },
      'The request body is not valid JSON.',
    );
  }
  if (status >= 400 && status < 500) {
    return validationFailed(
      {
        body: 'The request body could not be read: send UTF-8 JSON with Content-Type: application/json.',
      },
      'The request body could not be read.',
    );
  }
  return undefined;
}

/** Every error becomes the contract's shape; nothing internal (stack, path, command) leaks. */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  let answer = error instanceof ApiError ? error : fromBodyParser(error);
  if (!answer) {
    const described =
      error instanceof Error
        ? { name: error.name, message: error.message, stack: error.stack }
        : { message: String(error) };
    req.log.error({ err: described }, 'request failed');
    answer = internalError();
  }
  res.status(answer.status).json(answer.toBody());
};

export const notFoundHandler: RequestHandler = (req, res) => {
  res
    .status(404)
    .json(
      apiErrorBody(
        404,
        ErrorReason.NOT_FOUND,
        `There is no ${req.method} ${req.path.slice(0, 200)} in the clusters API.`,
      ),
    );
};
