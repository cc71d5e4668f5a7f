import { IsString } from 'class-validator';
import { pythonIsoFormat, toEpochSeconds } from '@app/common';
import { User } from './user.entity';

/** API.md §1.2 PrivateUser: the caller's own profile. */
export class PrivateUserResponse {
  id!: number;
  name!: string;
  username!: string;
  email!: string;
  terms_and_conditions_checked!: boolean;
  is_admin!: boolean;
  /** Epoch seconds (float). */
  registration_date!: number;
  is_email_verified!: boolean;
  /** Naive UTC ISO-8601 (`2021-02-03T10:11:12`), or null if never verified. */
  email_verification_date!: string | null;
  bio!: string | null;
  location!: string | null;
  occupation!: string | null;
  organization!: string | null;
  slack_username!: string | null;
  social_media_links!: string | null;
  skills!: string | null;
  interests!: string | null;
  resume_url!: string | null;
  photo_url!: string | null;
  need_mentoring!: boolean;
  available_to_mentor!: boolean;
  /** Always null (unused by the original). */
  current_mentorship_role!: number | null;
  /** Always null (unused by the original). */
  membership_status!: number | null;
}

/** The profile every view of another user shows (PublicUser, AdminUser); see profileCard(). */
export class ProfileCardResponse {
  id!: number;
  username!: string;
  name!: string;
  slack_username!: string | null;
  bio!: string | null;
  location!: string | null;
  occupation!: string | null;
  organization!: string | null;
  skills!: string | null;
}

/** API.md §1.2 PublicUser: what other users see. */
export class PublicUserResponse extends ProfileCardResponse {
  interests!: string | null;
  need_mentoring!: boolean;
  available_to_mentor!: boolean;
  /** False while the user is in an accepted relation, else need_mentoring OR available_to_mentor. */
  is_available!: boolean;
  /** Epoch seconds (float). */
  registration_date!: number;
}

/** PUT /user body (API.md §3.5): any subset; unknown keys, id, email, is_admin… are ignored. */
export class UpdateProfileDto {
  name?: string | null;
  username?: string | null;
  bio?: string | null;
  location?: string | null;
  occupation?: string | null;
  organization?: string | null;
  slack_username?: string | null;
  social_media_links?: string | null;
  skills?: string | null;
  interests?: string | null;
  resume_url?: string | null;
  photo_url?: string | null;
  need_mentoring?: boolean;
  available_to_mentor?: boolean;
}

/** PUT /user/change_password body; the decorators are the §10.3 schema. */
export class ChangePasswordDto {
  @IsString()
  current_password!: string;

  /** 8..64 characters, no spaces, different from the current one. */
  @IsString()
  new_password!: string;
}

export function toPrivateUser(user: User): PrivateUserResponse {
  return {
    id: user.id,
    name: user.name,
    username: user.username,
    email: user.email,
    terms_and_conditions_checked: user.termsAndConditionsChecked,
    is_admin: user.isAdmin,
    registration_date: toEpochSeconds(user.registrationDate),
    is_email_verified: user.isEmailVerified,
    email_verification_date: pythonIsoFormat(user.emailVerificationDate),
    bio: user.bio,
    location: user.location,
    occupation: user.occupation,
    organization: user.organization,
    slack_username: user.slackUsername,
    social_media_links: user.socialMediaLinks,
    skills: user.skills,
    interests: user.interests,
    resume_url: user.resumeUrl,
    photo_url: user.photoUrl,
    need_mentoring: user.needMentoring,
    available_to_mentor: user.availableToMentor,
    current_mentorship_role: user.currentMentorshipRole,
    membership_status: user.membershipStatus,
  };
}

type ProfileCardFields = Pick<
  User,
  'id' | 'username' | 'name' | 'slackUsername' | 'bio' | 'location' | 'occupation' | 'organization' | 'skills'
>;

/** The profile every view of another user shows: PublicUser and AdminUser (API.md §1.2). */
export function profileCard(user: ProfileCardFields): ProfileCardResponse {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    slack_username: user.slackUsername,
    bio: user.bio,
    location: user.location,
    occupation: user.occupation,
    organization: user.organization,
    skills: user.skills,
  };
}

export function toPublicUser(
  user: ProfileCardFields &
    Pick<User, 'interests' | 'needMentoring' | 'availableToMentor' | 'registrationDate'>,
  isAvailable: boolean,
): PublicUserResponse {
  // Object.assign, not `{ ...profileCard(user), … }`: V8 builds a spread-then-extended literal
  // as a slow dictionary object, which cost ~6% of a member page's CPU (creating and writing it).
  return Object.assign(profileCard(user), {
    interests: user.interests,
    need_mentoring: user.needMentoring,
    available_to_mentor: user.availableToMentor,
    is_available: isAvailable,
    registration_date: toEpochSeconds(user.registrationDate),
  });
}
