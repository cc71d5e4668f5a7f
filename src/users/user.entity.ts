import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * API.md §1.1 User. `username_key` / `email_key` hold the lower-cased values: their unique
 * indexes make uniqueness and look-ups case-insensitive on every database (API.md §12 Q32),
 * while `username` / `email` keep what the user typed.
 */
@Entity('users')
@Index('UQ_users_username_key', ['usernameKey'], { unique: true })
@Index('UQ_users_email_key', ['emailKey'], { unique: true })
// Member list, search and the unverified-user cleanup (DirectoryIndex migration, issue 7).
@Index('IDX_users_verified_directory', ['isEmailVerified', 'id', 'name', 'usernameKey'])
export class User {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 30 })
  name!: string;

  @Column({ type: 'varchar', length: 30 })
  username!: string;

  @Column({ name: 'username_key', type: 'varchar', length: 30 })
  usernameKey!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'email_key', type: 'varchar', length: 254 })
  emailKey!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 100 })
  passwordHash!: string;

  @Column({ name: 'registration_date', type: 'datetime' })
  registrationDate!: Date;

  @Column({ name: 'terms_and_conditions_checked', type: 'boolean', default: false })
  termsAndConditionsChecked!: boolean;

  @Column({ name: 'is_admin', type: 'boolean', default: false })
  isAdmin!: boolean;

  @Column({ name: 'is_email_verified', type: 'boolean', default: false })
  isEmailVerified!: boolean;

  @Column({ name: 'email_verification_date', type: 'datetime', nullable: true })
  emailVerificationDate!: Date | null;

  /** Unused by the original (always null) but part of the PrivateUser shape. */
  @Column({ name: 'current_mentorship_role', type: 'integer', nullable: true })
  currentMentorshipRole!: number | null;

  @Column({ name: 'membership_status', type: 'integer', nullable: true })
  membershipStatus!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  bio!: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  location!: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  occupation!: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  organization!: string | null;

  @Column({ name: 'slack_username', type: 'varchar', length: 80, nullable: true })
  slackUsername!: string | null;

  @Column({ name: 'social_media_links', type: 'varchar', length: 500, nullable: true })
  socialMediaLinks!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  skills!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  interests!: string | null;

  @Column({ name: 'resume_url', type: 'varchar', length: 200, nullable: true })
  resumeUrl!: string | null;

  @Column({ name: 'photo_url', type: 'varchar', length: 200, nullable: true })
  photoUrl!: string | null;

  @Column({ name: 'need_mentoring', type: 'boolean', default: false })
  needMentoring!: boolean;

  @Column({ name: 'available_to_mentor', type: 'boolean', default: false })
  availableToMentor!: boolean;
}

/** The case-folded form behind the unique indexes and every username/email look-up. */
export function identityKey(value: string): string {
  return value.toLowerCase();
}
