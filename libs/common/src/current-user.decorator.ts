import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/** What a verified token tells us: the caller's user id (the JWT `identity` claim). */
export interface AuthUser {
  id: number;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const request = ctx.switchToHttp().getRequest<{ user?: AuthUser }>();
  if (!request.user) throw new Error('CurrentUser used on a route without an authenticated caller');
  return request.user;
});
