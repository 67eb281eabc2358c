/**
 * A value worked out from a caller's identity once per identity: callers are frozen and reused (one
 * per verified token), so what is derived from their claims — an access profile, serialized claims —
 * is kept by identity (weakly: it goes with the identity). A caller that is not frozen could change
 * after its value was kept, so its value is worked out each time.
 */
export function memoizePerCaller<C extends object, V>(compute: (caller: C) => V): (caller: C) => V {
  const known = new WeakMap<C, V>();
  return (caller) => {
    if (known.has(caller)) return known.get(caller)!;
    const value = compute(caller);
    if (Object.isFrozen(caller)) known.set(caller, value);
    return value;
  };
}
