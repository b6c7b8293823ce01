import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The browser suites and the crash suite take most of a run. They start first, so that on a machine
 * with no record of earlier runs (CI) the quick suites fill the gaps at the end instead of a long
 * suite starting last and running alone.
 */
export default class SlowSuitesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const order = await super.sort(files);
    const weight = (file: TestSpecification) =>
      file.moduleId.includes('/test/e2e/') ? 0 : file.moduleId.endsWith('/crash.test.ts') ? 1 : 2;
    return order
      .map((file, index) => ({ file, index }))
      .sort((a, b) => weight(a.file) - weight(b.file) || a.index - b.index)
      .map(({ file }) => file);
  }
}
