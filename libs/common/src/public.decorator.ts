import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'auth:public';
export const REFRESH_TOKEN = 'auth:refresh';

/** Routes are closed by default (global JWT guard); this opens one. A token sent anyway is ignored. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** The route takes a refresh token instead of an access token (API.md §2.5). */
export const RefreshTokenRoute = (): MethodDecorator => SetMetadata(REFRESH_TOKEN, true);
