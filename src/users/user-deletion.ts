import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { MentorshipRelation } from '../mentorship/relation.entity';
import { RelationState } from '../mentorship/relation-state';
import { User } from './user.entity';

/**
 * Deleting users (DELETE /user and the cleanup job, API.md §12 Q22), inside the caller's
 * transaction: their PENDING requests go, their ACCEPTED relation is CANCELLED, every other
 * relation stays. The foreign keys (ON DELETE SET NULL) then null their side of the kept
 * relations and the author of their task comments; tasks of deleted requests cascade.
 */
@Injectable()
export class UserDeletion {
  async deleteUsers(manager: EntityManager, userIds: number[]): Promise<number> {
    if (userIds.length === 0) return 0;
    const involving = '(mentor_id IN (:...ids) OR mentee_id IN (:...ids))';
    await manager
      .createQueryBuilder()
      .delete()
      .from(MentorshipRelation)
      .where('state = :pending', { pending: RelationState.PENDING })
      .andWhere(involving, { ids: userIds })
      .execute();
    await manager
      .createQueryBuilder()
      .update(MentorshipRelation)
      .set({ state: RelationState.CANCELLED })
      .where('state = :accepted', { accepted: RelationState.ACCEPTED })
      .andWhere(involving, { ids: userIds })
      .execute();
    const result = await manager.delete(User, { id: In(userIds) });
    return result.affected ?? userIds.length;
  }
}
