#!/usr/bin/env node
"use strict";
// case: a build-runner MCP server as npm ships it (outDir `lib`): tsc's CommonJS output for ES2016
// (`__awaiter` generators, `exports.x = ...`, `(0, module_1.f)(...)` calls). The `run_script`
// tool hands the model's script name to a helper in another compiled file, which splices it
// into an `execSync` command line.
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
Object.defineProperty(exports, "__esModule", { value: true });
const mcp_js_1 = require("@modelcontextprotocol/sdk/server/mcp.js");
const stdio_js_1 = require("@modelcontextprotocol/sdk/server/stdio.js");
const zod_1 = require("zod");
const runner_js_1 = require("./runner.js");
const server = new mcp_js_1.McpServer({ name: "build-runner", version: "0.9.2" });
server.tool("run_script", "Run one of the package's npm scripts.", { script: zod_1.z.string() }, { readOnlyHint: false, destructiveHint: true }, (_a) => __awaiter(void 0, [_a], void 0, function* ({ script }) {
    const output = yield (0, runner_js_1.runScript)(script);
    return { content: [{ type: "text", text: output }] };
}));
function main() {
    return __awaiter(this, void 0, void 0, function* () {
        yield server.connect(new stdio_js_1.StdioServerTransport());
    });
}
main();
