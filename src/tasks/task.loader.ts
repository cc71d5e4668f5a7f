import { createParamDecorator, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApiError, IdPipe } from '@app/common';
import { RelationLoader, RelationRequestParts } from '../mentorship/relation-access';
import { Task } from './task.entity';
import { TasksMessages as T } from './tasks.messages';

/** The `task_id` of the path, looked up at its place in the relation checks (a RelationRole load step). */
@Injectable()
export class TaskLoader implements RelationLoader {
  private readonly idPipe = new IdPipe();

  constructor(@InjectRepository(Task) private readonly tasks: Repository<Task>) {}

  async load(relationId: number, request: RelationRequestParts): Promise<void> {
    const id = this.idPipe.transform(request.params.task_id);
    const task = await this.tasks.findOneBy({ relationId, id });
    if (!task) throw new ApiError(HttpStatus.NOT_FOUND, T.TASK_NOT_FOUND);
    request.task = task;
  }
}

/** The task TaskLoader found for this request. */
export const LoadedTask = createParamDecorator((_: unknown, ctx: ExecutionContext): Task => {
  const task = ctx.switchToHttp().getRequest<RelationRequestParts>().task;
  if (!(task instanceof Task))
    throw new Error('LoadedTask used on a route whose rule does not load the task');
  return task;
});
