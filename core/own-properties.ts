/**
 * Copying request data into plain objects without letting a JSON key such as `__proto__` change
 * the object's prototype (`obj[key] = v` and Object.assign would): keys become own data properties.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

export function assignOwn(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(source)) setOwn(target, key, source[key]);
  return target;
}
