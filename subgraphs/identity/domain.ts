/** What kind of person a user is: the organisation's own staff, an external contact, or a participant in projects. */
export type UserKind = 'EMPLOYEE' | 'EXTERNAL' | 'PARTICIPANT';

/** Where a user stands: invited (no password yet, or not activated), active, or deactivated. */
export type UserStatus = 'INVITED' | 'ACTIVE' | 'DEACTIVATED';
