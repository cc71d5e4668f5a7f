import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ApiError, Clock, CommonMessages, MessageResponse, RetryLaterError, wholeSeconds } from '@app/common';
import { APP_CONFIG, AppConfig } from '../config';
import { isMysqlFamily } from '../database/data-source.options';
import { forUpdate } from '../database/row-lock';
import { Transactions } from '../database/transactions';
import { MailOutbox } from '../mail/mail-outbox.service';
import { Passwords } from '../users/passwords';
import { identityCollision } from '../users/unique-violation';
import { bodyFields, isTruthy, isValidEmail } from '../users/user-field-rules';
import { identityKey, User } from '../users/user.entity';
import { AuthMessages } from './auth.messages';
import { LoginResponse, RefreshResponse, RegisterDto } from './auth.dto';
import { confirmationKey, readConfirmationToken, signConfirmationToken } from './confirmation-token';
import { LoginBackoff } from './login-backoff';
import { registrationError } from './registration-rules';
import { TokensService } from './tokens.service';

const DAY_SECONDS = 86_400;

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private readonly tokenKey: Buffer;

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly transactions: Transactions,
    private readonly outbox: MailOutbox,
    private readonly tokens: TokensService,
    private readonly backoff: LoginBackoff,
    private readonly passwords: Passwords,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.tokenKey = confirmationKey(config.jwt.secret);
  }

  /** API.md §2.1, checks 2–11 (the schema guard ran check 1). */
  async register(body: RegisterDto): Promise<MessageResponse> {
    const error = registrationError(body);
    if (error) throw new ApiError(HttpStatus.BAD_REQUEST, error);
    // Hashing is slow: done before the transaction so it never holds the write queue.
    const passwordHash = await this.passwords.hash(body.password);
    try {
      await this.transactions.run(async (manager) => {
        const repository = manager.getRepository(User);
        if (await repository.existsBy({ usernameKey: identityKey(body.username) })) {
          throw new ApiError(HttpStatus.CONFLICT, AuthMessages.USERNAME_EXISTS);
        }
        if (await repository.existsBy({ emailKey: identityKey(body.email) })) {
          throw new ApiError(HttpStatus.CONFLICT, AuthMessages.EMAIL_EXISTS);
        }
        const now = wholeSeconds(this.clock.now());
        const user = await repository.save(
          repository.create({
            name: body.name,
            username: body.username,
            usernameKey: identityKey(body.username),
            email: body.email,
            emailKey: identityKey(body.email),
            passwordHash,
            registrationDate: now,
            termsAndConditionsChecked: true,
            isAdmin: !(await this.anyUserExists(manager)),
            isEmailVerified: false,
            emailVerificationDate: null,
            needMentoring: body.need_mentoring ?? false,
            availableToMentor: body.available_to_mentor ?? false,
          }),
        );
        await this.enqueueConfirmation(manager, user);
      });
    } catch (error) {
      const collision = identityCollision(error);
      if (collision === 'username') throw new ApiError(HttpStatus.CONFLICT, AuthMessages.USERNAME_EXISTS);
      if (collision === 'email') throw new ApiError(HttpStatus.CONFLICT, AuthMessages.EMAIL_EXISTS);
      throw error;
    }
    return { message: AuthMessages.REGISTERED };
  }

  /** API.md §2.2. */
  async confirmEmail(token: string): Promise<MessageResponse> {
    const payload = readConfirmationToken(this.tokenKey, token, this.clock.nowSeconds(), this.ttlSeconds());
    const invalid = new ApiError(HttpStatus.BAD_REQUEST, AuthMessages.CONFIRMATION_INVALID);
    if (!payload) throw invalid;
    return this.transactions.run(async (manager) => {
      const repository = manager.getRepository(User);
      const user = await repository.findOneBy({ emailKey: identityKey(payload.email) });
      // A token issued before this account existed belongs to an earlier, deleted account
      // with the same email (Q19): it must not confirm the new one.
      if (!user || payload.issuedAt < user.registrationDate.getTime() / 1000) throw invalid;
      if (user.isEmailVerified) return { message: AuthMessages.ALREADY_CONFIRMED };
      await repository.update(
        { id: user.id },
        { isEmailVerified: true, emailVerificationDate: wholeSeconds(this.clock.now()) },
      );
      return { message: AuthMessages.CONFIRMED };
    });
  }

  /** API.md §2.3; a non-object body reads as `{}` (§10.4). */
  async resendConfirmation(body: unknown): Promise<MessageResponse> {
    const fields = bodyFields(body);
    if (!('email' in fields)) throw new ApiError(HttpStatus.BAD_REQUEST, AuthMessages.EMAIL_MISSING);
    const email = fields.email;
    if (!isValidEmail(email)) throw new ApiError(HttpStatus.BAD_REQUEST, AuthMessages.EMAIL_INVALID);
    await this.transactions.run(async (manager) => {
      const user = await manager.getRepository(User).findOneBy({ emailKey: identityKey(email) });
      if (!user) throw new ApiError(HttpStatus.NOT_FOUND, AuthMessages.NOT_REGISTERED);
      if (user.isEmailVerified) throw new ApiError(HttpStatus.CONFLICT, AuthMessages.ALREADY_VERIFIED);
      await this.enqueueConfirmation(manager, user);
    });
    return { message: AuthMessages.CONFIRMATION_RESENT };
  }

  /**
   * API.md §2.4; a non-object body reads as `{}` (§10.4). Between the body checks and the
   * password check sits the per-account back-off (login-backoff.ts): 429 with Retry-After.
   */
  async login(body: unknown, clientIp: string): Promise<LoginResponse> {
    const { username, password } = bodyFields(body);
    if (!isTruthy(username)) throw new ApiError(HttpStatus.BAD_REQUEST, AuthMessages.USERNAME_MISSING);
    if (!isTruthy(password)) throw new ApiError(HttpStatus.BAD_REQUEST, AuthMessages.PASSWORD_MISSING);
    const wrong = new ApiError(HttpStatus.UNAUTHORIZED, AuthMessages.WRONG_CREDENTIALS);
    if (typeof username !== 'string' || typeof password !== 'string') throw wrong;
    const key = identityKey(username);
    const wait = this.backoff.retryAfter(key, clientIp);
    if (wait > 0) throw new RetryLaterError(CommonMessages.TOO_MANY_REQUESTS, wait);
    const user = await this.users.findOneBy(
      isValidEmail(username) ? { emailKey: key } : { usernameKey: key },
    );
    if (!(await this.passwords.verify(password, user?.passwordHash ?? null)) || !user) {
      this.backoff.failed(key, clientIp);
      throw wrong;
    }
    this.backoff.succeeded(key, clientIp);
    if (!user.isEmailVerified) throw new ApiError(HttpStatus.FORBIDDEN, CommonMessages.EMAIL_NOT_VERIFIED);
    const access = await this.tokens.issue(user.id, 'access');
    const refresh = await this.tokens.issue(user.id, 'refresh');
    return {
      access_token: access.token,
      access_expiry: access.expiry,
      refresh_token: refresh.token,
      refresh_expiry: refresh.expiry,
    };
  }

  /** API.md §2.5: like the original, the user is not looked up (Q27). */
  async refresh(userId: number): Promise<RefreshResponse> {
    const access = await this.tokens.issue(userId, 'access');
    return { access_token: access.token, access_expiry: access.expiry };
  }

  private ttlSeconds(): number {
    return this.config.unverifiedUserTtlDays * DAY_SECONDS;
  }

  /**
   * Whether the table already holds a user, decided inside the insert's transaction. When it
   * looks empty, MySQL/MariaDB re-read with a locking read: its gap lock makes two first
   * registrations at the same instant deadlock instead of both becoming admin, and
   * Transactions retries the loser, which then sees the winner. SQLite runs transactions one
   * at a time.
   */
  private async anyUserExists(manager: EntityManager): Promise<boolean> {
    const first = () => manager.getRepository(User).createQueryBuilder('user').select('user.id').limit(1);
    if ((await first().getRawOne()) !== undefined) return true;
    if (!isMysqlFamily(manager.connection)) return false;
    return (await forUpdate(first()).getRawOne()) !== undefined;
  }

  private async enqueueConfirmation(manager: EntityManager, user: User): Promise<void> {
    const token = signConfirmationToken(this.tokenKey, user.email, this.clock.nowSeconds());
    await this.outbox.enqueue(manager, {
      to: user.email,
      template: 'email-confirmation',
      context: {
        name: user.name,
        confirmUrl: `${this.config.publicUrl}/user/confirm_email/${token}`,
        validDays: this.config.unverifiedUserTtlDays,
      },
    });
    this.logger.log({ userId: user.id }, 'Confirmation email queued');
  }
}
