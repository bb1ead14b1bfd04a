/** A DTO instance as the plain object a command carries (no class prototype, no undefined keys). */
export const plain = <T extends object>(dto: T): T =>
  Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as T;
