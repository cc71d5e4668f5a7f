import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ApiError, CommonMessages, IS_PUBLIC, REFRESH_TOKEN } from '@app/common';
import { authorizationLines, parseBearerHeader } from './bearer-header';

/** Passport failures that are not our own ApiError (bad signature, malformed, wrong alg) are "invalid". */
function passportGuard(strategy: string) {
  return class extends AuthGuard(strategy) {
    override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
      if (error instanceof ApiError) throw error;
      if (error || !user) throw new ApiError(HttpStatus.UNAUTHORIZED, CommonMessages.TOKEN_INVALID);
      return user;
    }
  };
}

const AccessGuard = passportGuard('jwt-access');
const RefreshGuard = passportGuard('jwt-refresh');

/**
 * Global guard: every route needs an access token unless marked @Public() (or a refresh
 * token where marked @RefreshTokenRoute()). Answers the three 401s of API.md §10.2.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly access = new AccessGuard();
  private readonly refresh = new RefreshGuard();

  constructor(private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<{
      headers: Record<string, string | string[] | undefined>;
      raw?: { rawHeaders?: string[] };
    }>();
    const rawHeaders = request.raw?.rawHeaders;
    const header = parseBearerHeader(
      rawHeaders ? authorizationLines(rawHeaders) : request.headers.authorization,
    );
    if (header.kind === 'missing') throw new ApiError(HttpStatus.UNAUTHORIZED, CommonMessages.TOKEN_MISSING);
    if (header.kind === 'invalid') throw new ApiError(HttpStatus.UNAUTHORIZED, CommonMessages.TOKEN_INVALID);
    const guard = this.reflector.getAllAndOverride<boolean>(REFRESH_TOKEN, targets)
      ? this.refresh
      : this.access;
    return (await guard.canActivate(context)) as boolean;
  }
}
