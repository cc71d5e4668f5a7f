import { OutboxMail } from '../mail/outbox-mail.entity';
import { MentorshipRelation } from '../mentorship/relation.entity';
import { TaskComment } from '../tasks/task-comment.entity';
import { Task } from '../tasks/task.entity';
import { User } from '../users/user.entity';

export const ENTITIES = [User, MentorshipRelation, Task, TaskComment, OutboxMail];
