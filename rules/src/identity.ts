/** RFC 5321's longest forward path. */
export const EMAIL_MAX = 254;
/** Length only: long passphrases beat composition rules (NIST SP 800-63B). */
export const PASSWORD_MIN = 10;
/** Bounds the argon2 work a single request can ask for. */
export const PASSWORD_MAX = 256;
export const DISPLAY_NAME_MIN = 2;
export const DISPLAY_NAME_MAX = 80;
export const BIO_MAX = 1000;
