import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommonMessages } from './messages';
import { RouteTable } from './route-table';
import { RetryLaterError, RouteNotFoundError } from './api-error';

interface ErrorResponse {
  status: number;
  body: unknown;
}

const DB_UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'POOL_CLOSED',
]);

function errorCode(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = candidate?.driverError?.code ?? candidate?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Texts for statuses raised by the framework itself (not by our code). */
function frameworkMessage(status: number): string {
  switch (status) {
    case 404:
      return CommonMessages.NOT_FOUND;
    case 405:
      return CommonMessages.METHOD_NOT_ALLOWED;
    case 413:
      return CommonMessages.PAYLOAD_TOO_LARGE;
    case 429:
      return CommonMessages.TOO_MANY_REQUESTS;
    case 503:
      return CommonMessages.SERVICE_UNAVAILABLE;
    default:
      return status >= 500 ? CommonMessages.INTERNAL_ERROR : CommonMessages.BAD_REQUEST;
  }
}

function hasStringMessage(body: unknown): body is { message: string } {
  return (
    typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string'
  );
}

/**
 * The one place errors become responses (API.md §10): every error body is `{"message": ...}`
 * (or the §10.3 schema shape our own code builds), nothing internal ever reaches the client.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  constructor(private readonly routes: RouteTable) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = this.toResponse(exception, request);
    if (status >= 500) {
      this.logger.error(
        { err: exception, method: request.method, url: request.url },
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    if (exception instanceof RetryLaterError) {
      void reply.header('Retry-After', String(exception.retryAfterSeconds));
    }
    if (status === 405) {
      void reply.header('Allow', this.routes.methodsFor(request.url.split('?')[0]).join(', '));
    }
    void reply.status(status).send(body);
  }

  private toResponse(exception: unknown, request: FastifyRequest): ErrorResponse {
    if (exception instanceof RouteNotFoundError || this.isUnmatchedRoute(exception, request)) {
      const allowed = this.routes.methodsFor(request.url.split('?')[0]);
      return allowed.length > 0 &&
        !allowed.includes(request.method) &&
        !(exception instanceof RouteNotFoundError)
        ? { status: 405, body: { message: CommonMessages.METHOD_NOT_ALLOWED } }
        : { status: 404, body: { message: CommonMessages.NOT_FOUND } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      if (status !== 429 && hasStringMessage(body) && typeof body === 'object' && !Array.isArray(body)) {
        return { status, body };
      }
      return { status, body: { message: frameworkMessage(status) } };
    }
    const code = errorCode(exception);
    if (code && DB_UNAVAILABLE_CODES.has(code)) {
      return { status: 503, body: { message: CommonMessages.SERVICE_UNAVAILABLE } };
    }
    // Errors raised by Fastify itself (body parser, body size) carry a 4xx statusCode.
    const statusCode = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      return { status: statusCode, body: { message: frameworkMessage(statusCode) } };
    }
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: { message: CommonMessages.INTERNAL_ERROR } };
  }

  /** Fastify's not-found handler runs without a matched route. */
  private isUnmatchedRoute(exception: unknown, request: FastifyRequest): boolean {
    return (
      exception instanceof HttpException &&
      exception.getStatus() === 404 &&
      request.routeOptions?.url === undefined
    );
  }
}
