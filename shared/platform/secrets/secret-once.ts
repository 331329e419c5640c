/**
 * A secret read at most once per process (a Lambda cold start) and shared by every caller, including concurrent
 * ones. A failed read is forgotten, so the next caller tries again instead of failing until the next cold start.
 */
export const secretOnce = (read: () => Promise<string>): (() => Promise<string>) => {
  let value: Promise<string> | undefined;
  return () => {
    value ??= read().catch((error: unknown) => {
      value = undefined;
      throw error;
    });
    return value;
  };
};
