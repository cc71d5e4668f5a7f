import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  HttpStatus,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse } from '@nestjs/swagger';
import { ApiError, AuthUser, CommonMessages, messageExample } from '@app/common';
import { AccountGate } from '../users/account-gate';

const ADMIN_DENIED = 'admin:denied-message';

/**
 * Admin access (API.md §7): after the token, the caller must pass gate G (Q25) and be an
 * admin; each endpoint refuses non-admins with its own message, hence the parameter.
 */
@Injectable()
export class AdminGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly gate: AccountGate,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const denied = this.reflector.get<string>(ADMIN_DENIED, context.getHandler());
    const request = context.switchToHttp().getRequest<{ user: AuthUser }>();
    const caller = await this.gate.require(request.user.id);
    if (!caller.isAdmin) throw new ApiError(HttpStatus.FORBIDDEN, denied);
    return true;
  }
}

export const AdminOnly = (deniedMessage: string): MethodDecorator =>
  applyDecorators(
    SetMetadata(ADMIN_DENIED, deniedMessage),
    UseGuards(AdminGuard),
    ApiBearerAuth(),
    ApiForbiddenResponse({
      description: 'Caller is not an admin',
      ...messageExample(deniedMessage),
    }),
    ApiNotFoundResponse({
      description: 'Caller no longer exists',
      ...messageExample(CommonMessages.USER_DOES_NOT_EXIST),
    }),
  );

/** Reads the decorator's metadata: lets the route-access listing name each route's rule. */
export function isAdminOnly(reflector: Reflector, handler: object): boolean {
  return reflector.get<string | undefined>(ADMIN_DENIED, handler as () => void) !== undefined;
}
