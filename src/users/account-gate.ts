import { applyDecorators, HttpStatus, Injectable } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ApiError, CommonMessages } from '@app/common';
import { User } from './user.entity';

/** API.md §0 account gate G as a decision: a missing caller is 404, an unverified one 403. */
export function accountGateError(user: User | null): ApiError | null {
  if (!user) return new ApiError(HttpStatus.NOT_FOUND, CommonMessages.USER_DOES_NOT_EXIST);
  if (!user.isEmailVerified) return new ApiError(HttpStatus.FORBIDDEN, CommonMessages.EMAIL_NOT_VERIFIED);
  return null;
}

/** Loads the caller named by the token and applies gate G; endpoints call it at their contract step. */
@Injectable()
export class AccountGate {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async require(userId: number, manager?: EntityManager): Promise<User> {
    const repository = manager ? manager.getRepository(User) : this.users;
    const user = await repository.findOneBy({ id: userId });
    const error = accountGateError(user);
    if (error) throw error;
    return user as User;
  }
}

/** Documents gate G's two answers on an endpoint that applies it (Swagger). */
export const ApiAccountGate = (): MethodDecorator =>
  applyDecorators(
    ApiNotFoundResponse({
      description: 'The caller no longer exists',
      schema: { example: { message: CommonMessages.USER_DOES_NOT_EXIST } },
    }),
    ApiForbiddenResponse({
      description: "The caller's email is not verified",
      schema: { example: { message: CommonMessages.EMAIL_NOT_VERIFIED } },
    }),
  );
