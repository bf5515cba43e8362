// Rows made on the attendance page for someone in the room who did not join on a device (a roster member marked
// present or absent, a substitute): nobody signs in as them. Such a row is the only kind made without an invite or a
// join request, so that is how it is told apart.
export const SIGNS_IN = { OR: [{ inviteId: { not: null } }, { joinRequest: { isNot: null } }] };
export const RECORD_ONLY = { inviteId: null, joinRequest: { is: null } };
