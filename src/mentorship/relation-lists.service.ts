import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { Clock } from '@app/common';
import { AccountGate } from '../users/account-gate';
import { MentorshipMessages as M } from './mentorship.messages';
import { RelationResponse, toRelationResponse } from './relation.dto';
import { RelationState } from './relation-state';
import { MentorshipRelation } from './relation.entity';

/**
 * API.md §4.3 order: relations where the caller is mentor, then those where they are mentee,
 * each by ascending id.
 */
export function byCallerRoleThenId(callerId: number) {
  const rank = (relation: MentorshipRelation) => (relation.mentorId === callerId ? 0 : 1);
  return (a: MentorshipRelation, b: MentorshipRelation): number => rank(a) - rank(b) || a.id - b.id;
}

/** The caller's relation lists (API.md §4.3–§4.6): one query each, names joined in. */
@Injectable()
export class RelationListsService {
  constructor(
    @InjectRepository(MentorshipRelation) private readonly relations: Repository<MentorshipRelation>,
    private readonly gate: AccountGate,
    private readonly clock: Clock,
  ) {}

  async all(callerId: number, state: RelationState | null): Promise<RelationResponse[]> {
    return this.list(callerId, (query) =>
      state === null ? query : query.andWhere('relation.state = :state', { state }),
    );
  }

  /** Ended by date, whatever the state (Q16). */
  async past(callerId: number): Promise<RelationResponse[]> {
    const now = this.clock.now();
    return this.list(callerId, (query) => query.andWhere('relation.endDate < :now', { now }));
  }

  async pending(callerId: number): Promise<RelationResponse[]> {
    const now = this.clock.now();
    return this.list(callerId, (query) =>
      query
        .andWhere('relation.state = :pending', { pending: RelationState.PENDING })
        .andWhere('relation.endDate > :now', { now }),
    );
  }

  /** The first ACCEPTED relation in list order, or the contract's 200 message (§4.5). */
  async current(callerId: number): Promise<RelationResponse | { message: string }> {
    const [current] = await this.list(callerId, (query) =>
      query.andWhere('relation.state = :accepted', { accepted: RelationState.ACCEPTED }),
    );
    return current ?? { message: M.NO_CURRENT_RELATION };
  }

  private async list(
    callerId: number,
    filter: (query: SelectQueryBuilder<MentorshipRelation>) => SelectQueryBuilder<MentorshipRelation>,
  ): Promise<RelationResponse[]> {
    await this.gate.require(callerId);
    const query = this.relations
      .createQueryBuilder('relation')
      .leftJoin('relation.mentor', 'mentor')
      .addSelect(['mentor.id', 'mentor.name'])
      .leftJoin('relation.mentee', 'mentee')
      .addSelect(['mentee.id', 'mentee.name'])
      .where('(relation.mentorId = :callerId OR relation.menteeId = :callerId)', { callerId });
    const relations = await filter(query).getMany();
    return relations
      .sort(byCallerRoleThenId(callerId))
      .map((relation) => toRelationResponse(relation, callerId));
  }
}
