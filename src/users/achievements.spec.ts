import { Task } from '../tasks/task.entity';
import { DoneTask, selectAchievements } from './achievements';

function done(relationId: number, id: number, completedAt: number, callerIsMentor: boolean): DoneTask {
  const task = Object.assign(new Task(), {
    relationId,
    id,
    description: `r${relationId}t${id}`,
    isDone: true,
    createdAt: new Date(0),
    completedAt: new Date(completedAt * 1000),
  });
  return { task, callerIsMentor };
}

const labels = (tasks: Task[]) => tasks.map((task) => task.description);

describe('selectAchievements (API.md §3.8, Q17)', () => {
  it('is empty without done tasks', () => {
    expect(selectAchievements([])).toEqual([]);
  });

  it('keeps the last three by position (mentor relations first), then sorts by completion, newest first', () => {
    const tasks = [
      done(1, 1, 500, false), // mentee relation 1: positions after all mentor relations
      done(5, 2, 100, true),
      done(5, 1, 900, true),
      done(2, 1, 300, true),
      done(1, 2, 50, false),
    ];
    // Position order: r2t1, r5t1, r5t2, r1t1, r1t2 → last three: r5t2, r1t1, r1t2.
    expect(labels(selectAchievements(tasks))).toEqual(['r1t1', 'r5t2', 'r1t2']);
  });

  it('returns all of them when there are fewer than three', () => {
    expect(labels(selectAchievements([done(1, 1, 10, true), done(1, 2, 20, true)]))).toEqual([
      'r1t2',
      'r1t1',
    ]);
  });
});
