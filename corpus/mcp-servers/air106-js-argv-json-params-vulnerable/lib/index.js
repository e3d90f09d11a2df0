// case: the same runner, but the operation takes the model's scene path as a bare element after the
// operation name instead of inside the JSON text: a path such as `--import=/tmp/evil.pck`
// is read by the engine as an option. The JSON text of the other parameters still starts with
// `{`.
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { execFile } from "child_process";
import { promisify } from "util";

const run = promisify(execFile);
const OPS_SCRIPT = "/opt/scene-engine/ops.script";

class SceneEngineServer {
  constructor() {
    this.server = new Server({ name: "scene-engine", version: "0.4.0" }, { capabilities: { tools: {} } });
    this.enginePath = process.env.SCENE_ENGINE_BIN || "/usr/local/bin/scene-engine";
    this.server.setRequestHandler(CallToolRequestSchema, async (request) => {
      switch (request.params.name) {
        case "create_scene":
          return await this.createScene(request.params.arguments);
        default:
          throw new Error(`unknown tool ${request.params.name}`);
      }
    });
  }

  async runOperation(operation, target, params, projectDir) {
    const payload = JSON.stringify(params);
    const args = ["--headless", "--project", projectDir, "--run", OPS_SCRIPT, operation, target, payload];
    const { stdout } = await run(this.enginePath, args); // expect: AIR106
    return stdout;
  }

  async createScene(args) {
    const params = { root_type: args.rootType || "Node2D" };
    const out = await this.runOperation("create_scene", args.scenePath, params, args.projectDir);
    return { content: [{ type: "text", text: out }] };
  }
}

new SceneEngineServer();
