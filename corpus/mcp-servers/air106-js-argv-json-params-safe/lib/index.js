// case: one runner for every operation: the engine gets `--headless --project <dir> --run
// <script> <operation> <json>`. The model's scene path and node type reach the list only inside
// the JSON text of the operation's parameters, which starts with `{`: the engine cannot read it
// as an option. The project folder is the value of `--project`.
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

  async runOperation(operation, params, projectDir) {
    const payload = JSON.stringify(params);
    const args = ["--headless", "--project", projectDir, "--run", OPS_SCRIPT, operation, payload];
    const { stdout } = await run(this.enginePath, args);
    return stdout;
  }

  async createScene(args) {
    const params = { scene_path: args.scenePath, root_type: args.rootType || "Node2D" };
    const out = await this.runOperation("create_scene", params, args.projectDir);
    return { content: [{ type: "text", text: out }] };
  }
}

new SceneEngineServer();
