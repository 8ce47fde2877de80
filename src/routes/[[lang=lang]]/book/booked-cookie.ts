/** Carries the new booking's manage token from the form action to /book/done, for an hour. */
export const BOOKED_COOKIE = 'shinkyu_booked';
export const BOOKED_COOKIE_SECONDS = 3_600;
