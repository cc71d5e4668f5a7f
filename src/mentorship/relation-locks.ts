import { HttpStatus } from '@nestjs/common';
import { Brackets, EntityManager, MoreThan } from 'typeorm';
import { ApiError } from '@app/common';
import { User } from '../users/user.entity';
import { firstDenial, RelationRoleName, RelationRule } from './relation-access';
import { RelationState } from './relation-state';
import { MentorshipRelation } from './relation.entity';
import { findByIdForUpdate, forUpdate } from '../database/row-lock';

/**
 * The row locks behind RUNTIME.md's invariants. Every change that could put a user in a second
 * ACCEPTED relation, or a pair in a second open request, first locks both users' rows — one
 * statement, ascending id order, so two such transactions never deadlock — and only then reads
 * what it decides on. The first statement being a locking read also matters on InnoDB: the
 * snapshot for the plain reads that follow is taken after the lock, so they see what the
 * previous holder committed.
 */
export async function lockUsers(manager: EntityManager, ids: (number | null)[]): Promise<Map<number, User>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))].sort((a, b) => a - b);
  if (wanted.length === 0) return new Map();
  const users = await forUpdate(
    manager.getRepository(User).createQueryBuilder('user').where('user.id IN (:...wanted)', { wanted }),
  )
    .orderBy('user.id', 'ASC')
    .getMany();
  return new Map(users.map((user) => [user.id, user]));
}

/**
 * Re-reads a relation under a row lock and re-applies the endpoint's rule: the guard decided on
 * a read outside this transaction, and the relation may have changed (or gone) since.
 */
export async function lockRelationFor(
  manager: EntityManager,
  relationId: number,
  role: RelationRoleName,
  rule: RelationRule,
  callerId: number,
): Promise<MentorshipRelation> {
  const relation = await findByIdForUpdate(manager, MentorshipRelation, relationId);
  if (!relation) throw new ApiError(HttpStatus.NOT_FOUND, rule.notFound);
  const denial = firstDenial(rule.checks, role, relation, callerId);
  if (denial) throw new ApiError(denial.status, denial.message);
  return relation;
}

export async function hasAcceptedRelation(manager: EntityManager, userId: number): Promise<boolean> {
  return manager.getRepository(MentorshipRelation).exists({
    where: [
      { mentorId: userId, state: RelationState.ACCEPTED },
      { menteeId: userId, state: RelationState.ACCEPTED },
    ],
  });
}

/** An open request between two users, either direction (API.md §12 Q33). */
export async function hasPendingBetween(
  manager: EntityManager,
  a: number,
  b: number,
  now: Date,
): Promise<boolean> {
  const count = await manager
    .getRepository(MentorshipRelation)
    .createQueryBuilder('relation')
    .where('relation.state = :pending', { pending: RelationState.PENDING })
    .andWhere({ endDate: MoreThan(now) })
    .andWhere(
      new Brackets((pair) =>
        pair
          .where('relation.mentorId = :a AND relation.menteeId = :b', { a, b })
          .orWhere('relation.mentorId = :b AND relation.menteeId = :a', { a, b }),
      ),
    )
    .getCount();
  return count > 0;
}
