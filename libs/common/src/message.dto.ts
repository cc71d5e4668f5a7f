/** API.md §1.2 Message: the body of every successful action and of almost every error. */
export class MessageResponse {
  message!: string;
}
