import { applyDecorators, HttpStatus, Injectable } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ApiError, CommonMessages, messageExample } from '@app/common';
import { RowReader } from '../database/row-reader';
import { User } from './user.entity';

/** API.md §0 account gate G: a missing user is 404, an unverified one 403. */
export function passAccountGate<T extends Pick<User, 'isEmailVerified'>>(user: T | null): asserts user is T {
  if (!user) throw new ApiError(HttpStatus.NOT_FOUND, CommonMessages.USER_DOES_NOT_EXIST);
  if (!user.isEmailVerified) throw new ApiError(HttpStatus.FORBIDDEN, CommonMessages.EMAIL_NOT_VERIFIED);
}

/**
 * Loads the caller named by the token and applies gate G; endpoints call it at their contract
 * step. Nearly every authenticated request starts here, so outside a transaction the row is
 * read through a RowReader (cached SQL, no entity hydration); inside one, through the
 * transaction's manager.
 */
@Injectable()
export class AccountGate {
  private readonly reader: RowReader<User, keyof User>;

  constructor(@InjectRepository(User) users: Repository<User>) {
    const columns = users.metadata.columns.map((column) => column.propertyName as keyof User);
    this.reader = new RowReader(users, columns);
  }

  async require(userId: number, manager?: EntityManager): Promise<User> {
    const user = manager ? await manager.findOneBy(User, { id: userId }) : await this.find(userId);
    passAccountGate(user);
    return user;
  }

  private async find(id: number): Promise<User | null> {
    const byId = () => this.reader.select('u').where('u.id = :id').getQuery();
    const [row] = await this.reader.query('byId', byId, { id });
    // Every column of User is read, so the record is a whole User (the entity has no relations).
    return row ? this.reader.read(row) : null;
  }
}

/** Documents gate G's two answers on an endpoint that applies it (Swagger). */
export const ApiAccountGate = (): MethodDecorator =>
  applyDecorators(
    ApiNotFoundResponse({
      description: 'The caller no longer exists',
      ...messageExample(CommonMessages.USER_DOES_NOT_EXIST),
    }),
    ApiForbiddenResponse({
      description: "The caller's email is not verified",
      ...messageExample(CommonMessages.EMAIL_NOT_VERIFIED),
    }),
  );
