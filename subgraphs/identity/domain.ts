/** The principal carries a user's kind, so the type is shared. */
export type { UserKind } from '../../shared/auth/principal';

/** Where a user stands: invited (no password yet, or not activated), active, or deactivated. */
export type UserStatus = 'INVITED' | 'ACTIVE' | 'DEACTIVATED';
