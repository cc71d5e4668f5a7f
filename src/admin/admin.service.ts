import { MessageResponse } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Not, Repository } from 'typeorm';
import { findByIdForUpdate, forUpdate } from '../database/row-lock';
import { Transactions } from '../database/transactions';
import { User } from '../users/user.entity';
import { assignAdminError, revokeAdminError } from './admin-rules';
import { AdminMessages } from './admin.messages';
import { AdminUserResponse, toAdminUser } from './admin.dto';

@Injectable()
export class AdminService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly transactions: Transactions,
  ) {}

  async assign(callerId: number, targetId: number): Promise<MessageResponse> {
    await this.transactions.run(async (manager) => {
      const target = await findByIdForUpdate(manager, User, targetId);
      const error = assignAdminError(callerId, targetId, target);
      if (error) throw error;
      await manager.update(User, { id: targetId }, { isAdmin: true });
    });
    return { message: AdminMessages.NOW_ADMIN };
  }

  async revoke(callerId: number, targetId: number): Promise<MessageResponse> {
    await this.transactions.run(async (manager) => {
      // Locking every admin row serialises concurrent revocations, so two admins revoking
      // each other at the same instant cannot leave the system with none.
      const admins = await forUpdate(
        manager.getRepository(User).createQueryBuilder('user').where('user.isAdmin = :yes', { yes: true }),
      )
        .orderBy('user.id', 'ASC')
        .getMany();
      const target =
        admins.find((admin) => admin.id === targetId) ?? (await findByIdForUpdate(manager, User, targetId));
      const error = revokeAdminError(callerId, targetId, target, admins.length);
      if (error) throw error;
      await manager.update(User, { id: targetId }, { isAdmin: false });
    });
    return { message: AdminMessages.REVOKED };
  }

  async otherAdmins(callerId: number): Promise<AdminUserResponse[]> {
    const admins = await this.users.find({
      where: { isAdmin: true, id: Not(callerId) },
      order: { id: 'ASC' },
    });
    return admins.map(toAdminUser);
  }
}
