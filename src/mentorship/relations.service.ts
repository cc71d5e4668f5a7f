import { HttpStatus, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApiError, Clock, dateFromEpochSeconds, wholeSeconds } from '@app/common';
import { Transactions } from '../database/transactions';
import { MailOutbox } from '../mail/mail-outbox.service';
import { User } from '../users/user.entity';
import { MentorshipMessages as M } from './mentorship.messages';
import { RelationRules } from './relation-access';
import { hasAcceptedRelation, hasPendingBetween, lockRelationFor, lockUsers } from './relation-locks';
import { RelationState } from './relation-state';
import { MentorshipRelation } from './relation.entity';
import { parseSendRequest, SendRequest } from './send-request';

/** `DD-MM-YYYY` in UTC, the end date as the acceptance email shows it (API.md §9.3). */
export function formatMailDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(date.getUTCDate())}-${pad(date.getUTCMonth() + 1)}-${date.getUTCFullYear()}`;
}

/**
 * State changes of relations (API.md §4.2, §4.7–§4.10). Access was decided by RelationRoleGuard;
 * each change re-reads what it depends on under row locks inside its transaction.
 */
@Injectable()
export class RelationsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: MailOutbox,
    private readonly clock: Clock,
  ) {}

  async send(callerId: number, body: unknown): Promise<void> {
    const request = parseSendRequest(body, callerId, this.clock.nowSeconds());
    await this.transactions.run(async (manager) => {
      const users = await lockUsers(manager, [request.mentorId, request.menteeId]);
      const { mentor, mentee } = await this.checkParties(manager, request, users);
      const now = this.clock.now();
      if (await hasPendingBetween(manager, mentor.id, mentee.id, now)) {
        throw new ApiError(HttpStatus.CONFLICT, M.ALREADY_PENDING);
      }
      await manager.insert(MentorshipRelation, {
        mentorId: mentor.id,
        menteeId: mentee.id,
        actionUserId: callerId,
        creationDate: wholeSeconds(now),
        acceptDate: null,
        startDate: null,
        endDate: dateFromEpochSeconds(request.endDate),
        state: RelationState.PENDING,
        notes: request.notes,
        lastTaskId: 0,
      });
      const [sender, receiver] = request.senderRole === 'mentee' ? [mentee, mentor] : [mentor, mentee];
      await this.outbox.enqueue(manager, {
        to: receiver.email,
        template: 'relation-request',
        context: {
          receiverName: receiver.name,
          senderName: sender.name,
          senderRole: request.senderRole,
          notes: request.notes,
        },
      });
    });
  }

  /** API.md §4.2 checks 11–16a, on the locked user rows. */
  private async checkParties(
    manager: EntityManager,
    request: SendRequest,
    users: Map<number, User>,
  ): Promise<{ mentor: User; mentee: User }> {
    const mentor = request.mentorId === null ? undefined : users.get(request.mentorId);
    if (!mentor) throw new ApiError(HttpStatus.NOT_FOUND, M.MENTOR_NOT_FOUND);
    if (!mentor.availableToMentor) throw new ApiError(HttpStatus.BAD_REQUEST, M.MENTOR_NOT_AVAILABLE);
    const mentee = request.menteeId === null ? undefined : users.get(request.menteeId);
    if (!mentee) throw new ApiError(HttpStatus.NOT_FOUND, M.MENTEE_NOT_FOUND);
    if (!mentee.needMentoring) throw new ApiError(HttpStatus.BAD_REQUEST, M.MENTEE_NOT_AVAILABLE);
    if (await hasAcceptedRelation(manager, mentor.id)) {
      throw new ApiError(HttpStatus.BAD_REQUEST, M.MENTOR_IN_RELATION);
    }
    if (await hasAcceptedRelation(manager, mentee.id)) {
      throw new ApiError(HttpStatus.BAD_REQUEST, M.MENTEE_IN_RELATION);
    }
    // §12 Q18: refuse before storing anything (the original stored, then crashed mailing).
    if (!mentor.isEmailVerified || !mentee.isEmailVerified) {
      throw new ApiError(HttpStatus.FORBIDDEN, M.OTHER_NOT_VERIFIED);
    }
    return { mentor, mentee };
  }

  async accept(callerId: number, loaded: MentorshipRelation): Promise<void> {
    await this.transactions.run(async (manager) => {
      const users = await lockUsers(manager, [loaded.mentorId, loaded.menteeId]);
      const relation = await lockRelationFor(manager, loaded.id, 'receiver', RelationRules.accept, callerId);
      if (await hasAcceptedRelation(manager, callerId)) {
        throw new ApiError(HttpStatus.FORBIDDEN, M.CALLER_IN_RELATION);
      }
      const callerIsMentor = relation.mentorId === callerId;
      const otherId = callerIsMentor ? relation.menteeId : relation.mentorId;
      if (otherId !== null && (await hasAcceptedRelation(manager, otherId))) {
        throw new ApiError(
          HttpStatus.BAD_REQUEST,
          callerIsMentor ? M.MENTEE_IN_RELATION : M.MENTOR_IN_RELATION,
        );
      }
      await manager.update(MentorshipRelation, { id: relation.id }, { state: RelationState.ACCEPTED });
      const sender = users.get(relation.actionUserId);
      const receiver = users.get(callerId);
      // A deleted sender has nobody to tell.
      if (!sender || !receiver) return;
      await this.outbox.enqueue(manager, {
        to: sender.email,
        template: 'relation-accepted',
        context: {
          senderName: sender.name,
          receiverName: receiver.name,
          role: callerIsMentor ? 'mentor' : 'mentee',
          endDate: formatMailDate(relation.endDate),
        },
      });
    });
  }

  async reject(callerId: number, loaded: MentorshipRelation): Promise<void> {
    await this.transactions.run(async (manager) => {
      await lockRelationFor(manager, loaded.id, 'receiver', RelationRules.reject, callerId);
      await manager.update(MentorshipRelation, { id: loaded.id }, { state: RelationState.REJECTED });
    });
  }

  async cancel(callerId: number, loaded: MentorshipRelation): Promise<void> {
    await this.transactions.run(async (manager) => {
      await lockRelationFor(manager, loaded.id, 'participant', RelationRules.cancel, callerId);
      await manager.update(MentorshipRelation, { id: loaded.id }, { state: RelationState.CANCELLED });
    });
  }

  /** Hard delete; the task list and comments go with it (ON DELETE CASCADE). */
  async delete(callerId: number, loaded: MentorshipRelation): Promise<void> {
    await this.transactions.run(async (manager) => {
      await lockRelationFor(manager, loaded.id, 'sender', RelationRules.delete, callerId);
      await manager.delete(MentorshipRelation, { id: loaded.id });
    });
  }
}
