/**
 * The origin check's names, in one place: the header CloudFront adds to every request it forwards, and the variable
 * that gives the functions its value (the stack sets it behind a distribution; the twin never does). The handler
 * (./handler.ts) compares them; the environment contract (shared/composition/env.ts) lists the variable.
 */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';
export const ORIGIN_VERIFY_VAR = 'ORIGIN_VERIFY';
