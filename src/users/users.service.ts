import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ApiError, MessageResponse, Page } from '@app/common';
import { forUpdate } from '../database/row-lock';
import { Transactions } from '../database/transactions';
import { AccountGate, passAccountGate } from './account-gate';
import { Passwords } from './passwords';
import { profileUpdate } from './profile-update.rules';
import { identityCollision } from './unique-violation';
import {
  ChangePasswordDto,
  PrivateUserResponse,
  PublicUserResponse,
  toPrivateUser,
  toPublicUser,
} from './user.dto';
import { UserDeletion } from './user-deletion';
import { UserDirectory } from './user-directory.service';
import { bodyFields, strippedLength } from './user-field-rules';
import { identityKey, User } from './user.entity';
import { UsersMessages } from './users.messages';

export interface MemberListFilter {
  search: string;
  page: Page;
  verifiedOnly: boolean;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly directory: UserDirectory,
    private readonly gate: AccountGate,
    private readonly deletion: UserDeletion,
    private readonly transactions: Transactions,
    private readonly passwords: Passwords,
  ) {}

  /** API.md §3.1 / §3.2 (no gate). */
  async list(callerId: number, filter: MemberListFilter): Promise<PublicUserResponse[]> {
    const rows = await this.directory.list({ callerId, ...filter });
    return rows.map((row) => toPublicUser(row.user, row.isAvailable));
  }

  /** API.md §3.3: the gate applies to the requested user. */
  async findPublic(userId: number): Promise<PublicUserResponse> {
    const { user, isAvailable } = (await this.directory.findById(userId)) ?? {
      user: null,
      isAvailable: false,
    };
    passAccountGate(user);
    return toPublicUser(user, isAvailable);
  }

  /** API.md §3.4. */
  async me(callerId: number): Promise<PrivateUserResponse> {
    return toPrivateUser(await this.gate.require(callerId));
  }

  /** API.md §3.5: validation, then gate G, then the username check, then the update. */
  async update(callerId: number, body: unknown): Promise<MessageResponse> {
    const update = profileUpdate(bodyFields(body));
    if (!update.ok) throw new ApiError(HttpStatus.BAD_REQUEST, update.message);
    const { username, ...rest } = update.changes;
    const taken = new ApiError(HttpStatus.BAD_REQUEST, UsersMessages.USERNAME_TAKEN);
    try {
      await this.transactions.run(async (manager) => {
        await this.gate.require(callerId, manager);
        const repository = manager.getRepository(User);
        // Q14: any user counts, the caller included.
        if (username !== undefined && (await repository.existsBy({ usernameKey: identityKey(username) }))) {
          throw taken;
        }
        const changes =
          username === undefined ? rest : { ...rest, username, usernameKey: identityKey(username) };
        if (Object.keys(changes).length > 0) await repository.update({ id: callerId }, changes);
      });
    } catch (error) {
      if (identityCollision(error) === 'username') throw taken;
      throw error;
    }
    return { message: UsersMessages.USER_UPDATED };
  }

  /** API.md §3.7 steps 3–8 (the schema guard and the token guard ran steps 1–2). */
  async changePassword(callerId: number, body: ChangePasswordDto): Promise<MessageResponse> {
    const { current_password: current, new_password: next } = body;
    if (current === next) throw new ApiError(HttpStatus.BAD_REQUEST, UsersMessages.SAME_PASSWORD);
    if (next.includes(' ')) throw new ApiError(HttpStatus.BAD_REQUEST, UsersMessages.PASSWORD_HAS_SPACES);
    const length = strippedLength(next);
    if (length < 8 || length > 64)
      throw new ApiError(HttpStatus.BAD_REQUEST, UsersMessages.NEW_PASSWORD_LENGTH);
    const user = await this.gate.require(callerId);
    if (!(await this.passwords.verify(current, user.passwordHash))) {
      throw new ApiError(HttpStatus.BAD_REQUEST, UsersMessages.WRONG_CURRENT_PASSWORD);
    }
    const passwordHash = await this.passwords.hash(next);
    await this.transactions.run((manager) => manager.update(User, { id: callerId }, { passwordHash }));
    return { message: UsersMessages.PASSWORD_UPDATED };
  }

  /** API.md §3.6. */
  async deleteAccount(callerId: number): Promise<MessageResponse> {
    await this.transactions.run(async (manager) => {
      const user = await this.gate.require(callerId, manager);
      if (user.isAdmin && (await this.lockedAdminCount(manager)) <= 1) {
        throw new ApiError(HttpStatus.BAD_REQUEST, UsersMessages.ONLY_ADMIN_LEFT);
      }
      await this.deletion.deleteUsers(manager, [callerId]);
    });
    return { message: UsersMessages.USER_DELETED };
  }

  /**
   * Admin rows are locked on MySQL/MariaDB so two last admins deleting themselves at once
   * cannot both see the other one and leave the system without an admin.
   */
  private async lockedAdminCount(manager: EntityManager): Promise<number> {
    const query = manager
      .getRepository(User)
      .createQueryBuilder('u')
      .select('u.id')
      .where('u.isAdmin = :admin', {
        admin: true,
      });
    return (await forUpdate(query).getRawMany()).length;
  }
}
