import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ApiError } from '@app/common';
import { MentorshipRelation } from '../mentorship/relation.entity';
import { RelationState } from '../mentorship/relation-state';
import { toTaskResponse } from '../tasks/task.dto';
import { Task } from '../tasks/task.entity';
import { selectAchievements } from './achievements';
import { bucketRelations } from './dashboard-buckets';
import { DashboardResponse, HomeResponse, toDashboardRelation } from './home.dto';
import { User } from './user.entity';
import { UsersMessages } from './users.messages';

/** GET /home and GET /dashboard: no gate, a missing caller is "User not found." (API.md §3.8, §3.9). */
@Injectable()
export class HomeService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(MentorshipRelation) private readonly relations: Repository<MentorshipRelation>,
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
  ) {}

  async home(callerId: number): Promise<HomeResponse> {
    const user = await this.requireCaller(callerId);
    const relations = await this.relations.find({
      select: { id: true, mentorId: true, state: true },
      where: [{ mentorId: callerId }, { menteeId: callerId }],
    });
    const count = (state: RelationState) => relations.filter((relation) => relation.state === state).length;
    const mentorOf = new Set(relations.filter((r) => r.mentorId === callerId).map((r) => r.id));
    const done =
      relations.length === 0
        ? []
        : await this.tasks.findBy({ relationId: In(relations.map((r) => r.id)), isDone: true });
    const achievements = selectAchievements(
      done.map((task) => ({ task, callerIsMentor: mentorOf.has(task.relationId) })),
    );
    return {
      name: user.name,
      pending_requests: count(RelationState.PENDING),
      accepted_requests: count(RelationState.ACCEPTED),
      rejected_requests: count(RelationState.REJECTED),
      completed_relations: count(RelationState.COMPLETED),
      cancelled_relations: count(RelationState.CANCELLED),
      achievements: achievements.map(toTaskResponse),
    };
  }

  async dashboard(callerId: number): Promise<DashboardResponse> {
    await this.requireCaller(callerId);
    const relations = await this.relations.find({
      where: [{ mentorId: callerId }, { menteeId: callerId }],
      relations: { mentor: true, mentee: true },
      order: { id: 'ASC' },
    });
    const response: DashboardResponse = bucketRelations(relations, callerId, toDashboardRelation);
    const current = relations.find((relation) => relation.state === RelationState.ACCEPTED);
    if (current) {
      const tasks = await this.tasks.find({ where: { relationId: current.id }, order: { id: 'ASC' } });
      response.tasks_todo = tasks.filter((task) => !task.isDone).map(toTaskResponse);
      response.tasks_done = tasks.filter((task) => task.isDone).map(toTaskResponse);
    }
    return response;
  }

  private async requireCaller(callerId: number): Promise<User> {
    const user = await this.users.findOneBy({ id: callerId });
    if (!user) throw new ApiError(HttpStatus.NOT_FOUND, UsersMessages.USER_NOT_FOUND);
    return user;
  }
}
