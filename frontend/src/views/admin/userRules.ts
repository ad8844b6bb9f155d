/** The account rules of backend/anjie/users/schemas.py, checked before sending. */
export const MIN_PASSWORD = 12
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/
