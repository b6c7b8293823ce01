import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The crash suites and the browser suites take most of a run. They start first (the crash suite on a
 * worker of its own while the other takes the browser suites), so that on a machine with no record of
 * earlier runs (CI) the quick suites fill the gaps at the end instead of a long suite running alone.
 */
export default class SlowSuitesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const order = await super.sort(files);
    // The two crash suites (one a store) kill and restart servers under load: run together they starve
    // each other, so the second starts after the browser suites.
    const weight = (file: TestSpecification) =>
      file.moduleId.endsWith('/crash.test.ts')
        ? file.project.name === 'postgres'
          ? 1.5
          : 0
        : file.moduleId.includes('/test/e2e/')
          ? 1
          : 2;
    return order
      .map((file, index) => ({ file, index }))
      .sort((a, b) => weight(a.file) - weight(b.file) || a.index - b.index)
      .map(({ file }) => file);
  }
}
