import { Task } from '../tasks/task.entity';

export interface DoneTask {
  task: Task;
  /** Whether the caller is the mentor of the task's relation. */
  callerIsMentor: boolean;
}

const LAST = 3;

/**
 * API.md §3.8 achievements, as the original picks them (Q17): done tasks in relation order —
 * relations as mentor, then as mentee, each by ascending id, tasks by id within — keep the
 * last three by that position, then newest completion first.
 */
export function selectAchievements(done: DoneTask[]): Task[] {
  const inListOrder = [...done].sort(
    (a, b) =>
      Number(b.callerIsMentor) - Number(a.callerIsMentor) ||
      a.task.relationId - b.task.relationId ||
      a.task.id - b.task.id,
  );
  return inListOrder
    .slice(-LAST)
    .map((entry) => entry.task)
    .sort((a, b) => completedAt(b) - completedAt(a));
}

function completedAt(task: Task): number {
  return task.completedAt?.getTime() ?? 0;
}
