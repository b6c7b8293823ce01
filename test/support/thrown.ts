/** What a call throws, to assert on as a value; a call that returns instead fails the test. */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw, and it returned');
}
