// case: AIR201 vulnerable. `shellTool({ shell })` with a local `Shell` implementation: the
// SDK hands the model's commands to `shell.run(action)`, which runs them on the host through
// `child_process.exec`. (A `shell` whose `run` executes nothing, as in the SDK's own tests, is
// not flagged: the tool does what its `run` does.) No untrusted source.
import { exec } from "node:child_process";
import { promisify } from "node:util";
import { Agent, run, shellTool } from "@openai/agents";
import type { Shell, ShellAction, ShellResult } from "@openai/agents";

const sh = promisify(exec);

class LocalShell implements Shell {
  async run(action: ShellAction): Promise<ShellResult> {
    const { stdout, stderr } = await sh(action.commands.join(" && "));
    return { output: [{ stdout, stderr, outcome: { type: "exit", exitCode: 0 } }] };
  }
}

export const ops = new Agent({
  name: "Ops",
  instructions: "Keep the build server healthy.",
  tools: [shellTool({ shell: new LocalShell() })], // expect: AIR201
});

await run(ops, "Free some disk space.");
