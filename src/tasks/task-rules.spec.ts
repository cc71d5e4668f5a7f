import { commentDenial, descriptionDenial, MAX_TEXT_LENGTH } from './task-rules';
import { commentDenialFor } from './task-comments.service';
import { TaskComment } from './task-comment.entity';

const message = (denial: { message: string } | null) => denial?.message ?? null;

describe('task body checks', () => {
  it('description: present, string, fits the column', () => {
    for (const body of [undefined, null, [], {}])
      expect(message(descriptionDenial(body))).toBe('Description field is missing.');
    expect(message(descriptionDenial({ description: 1 }))).toBe('Invalid input.');
    expect(message(descriptionDenial({ description: 'x'.repeat(MAX_TEXT_LENGTH + 1) }))).toMatch(
      /shorter than 16001/,
    );
    expect(descriptionDenial({ description: '' })).toBeNull();
  });

  it('comment: present, string, ≤ 400 without whitespace, raw size capped', () => {
    expect(message(commentDenial(undefined))).toBe('Comment field is missing.');
    expect(message(commentDenial({ comment: null }))).toBe('Comment must be in string format.');
    expect(message(commentDenial({ comment: 'x'.repeat(401) }))).toBe(
      'The comment field has to be shorter than 401 characters.',
    );
    expect(commentDenial({ comment: `${'x'.repeat(400)}\n\t   ` })).toBeNull();
    expect(message(commentDenial({ comment: ' '.repeat(MAX_TEXT_LENGTH + 1) }))).toMatch(
      /shorter than 16001/,
    );
  });
});

describe('commentDenialFor (API.md §6.4 f–h)', () => {
  const comment = Object.assign(new TaskComment(), { id: 1, userId: 5, taskId: 2 });
  const text = (error: ReturnType<typeof commentDenialFor>) =>
    (error?.getResponse() as { message: string } | undefined)?.message;
  it('checks existence, then author, then task', () => {
    expect(text(commentDenialFor(null, 5, 2, 'no'))).toBe('Task comment does not exist.');
    expect(text(commentDenialFor(comment, 6, 3, 'no'))).toBe('no');
    expect(text(commentDenialFor(comment, 5, 3, 'no'))).toBe(
      'Task comment with given task id does not exist.',
    );
    expect(commentDenialFor(comment, 5, 2, 'no')).toBeNull();
  });
});
