// Runs tasks one at a time: Ladybug allows a single write transaction, and a connection runs one query at a time.
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    // The tail must not hold the task's value: it lives until the next task, and the value can be a whole read (the
    // 48,934 follow-up records at 100,000 nodes, 73 MiB, kept after every list until the work store's next query).
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
