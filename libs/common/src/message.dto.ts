/** API.md §1.2 Message: the body of every successful action and of almost every error. */
export class MessageResponse {
  message!: string;
}

export function messageOf(message: string): MessageResponse {
  return { message };
}

/** Swagger response options whose example body is `{message}`. */
export function messageExample(message: string): { schema: { example: MessageResponse } } {
  return { schema: { example: messageOf(message) } };
}
