/** Texts of API.md Appendix A used by the task and comment endpoints (§5, §6). */
export const TasksMessages = {
  DESCRIPTION_MISSING: 'Description field is missing.',
  TASK_CREATED: 'Task was created successfully.',
  TASK_NOT_FOUND: 'Task does not exist.',
  TASK_DELETED: 'Task was deleted successfully.',
  TASK_ALREADY_DONE: 'Task was already achieved.',
  TASK_ACHIEVED: 'Task was achieved successfully.',
  COMMENT_MISSING: 'Comment field is missing.',
  COMMENT_NOT_STRING: 'Comment must be in string format.',
  COMMENT_TOO_LONG: 'The comment field has to be shorter than 401 characters.',
  COMMENT_CREATED: 'Task comment was created successfully.',
  COMMENT_NOT_FOUND: 'Task comment does not exist.',
  COMMENT_NOT_AUTHOR_MODIFY: 'You have not created the comment and therefore cannot modify it.',
  COMMENT_NOT_AUTHOR_DELETE: 'You have not created the comment and therefore cannot delete it.',
  COMMENT_WRONG_TASK: 'Task comment with given task id does not exist.',
  COMMENT_UPDATED: 'Task comment was updated successfully.',
  COMMENT_DELETED: 'Task comment was deleted successfully.',
  /** Not in the original (Q24): raw text must fit its TEXT column whatever the whitespace. */
  DESCRIPTION_TOO_LONG: 'The description field has to be shorter than 16001 characters.',
  COMMENT_RAW_TOO_LONG: 'The comment field has to be shorter than 16001 characters.',
} as const;
