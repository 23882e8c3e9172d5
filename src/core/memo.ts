/**
 * `compute` with only its last answer kept. Rules and reporters ask about one object many times in
 * a row and then move on for good, so one entry is enough, and nothing is held for objects already
 * done: a weak map of every object cost the garbage collector more than it saved.
 */
export function lastAnswerOf<K, V>(compute: (key: K) => V): (key: K) => V {
  let known = false;
  let lastKey: K | undefined;
  let lastValue: V | undefined;
  return (key) => {
    if (!known || key !== lastKey) {
      lastValue = compute(key);
      lastKey = key;
      known = true;
    }
    return lastValue as V;
  };
}
