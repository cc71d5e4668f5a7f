import { HttpException, HttpStatus } from '@nestjs/common';
import { CommonMessages } from './messages';

/** An error the client sees as `{"message": ...}` with the given status (API.md §1.2 Message). */
export class ApiError extends HttpException {
  constructor(status: HttpStatus, message: string) {
    super({ message }, status);
  }
}

/**
 * "No such route": a path that matched no handler, or whose id segment is not a decimal
 * integer (API.md §10.5 — such paths must not match a route at all).
 */
export class RouteNotFoundError extends ApiError {
  constructor() {
    super(HttpStatus.NOT_FOUND, CommonMessages.NOT_FOUND);
  }
}

/** A refusal the client may retry after `retryAfterSeconds`: the filter sends Retry-After with it. */
export class RetryLaterError extends ApiError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(HttpStatus.TOO_MANY_REQUESTS, message);
  }
}
