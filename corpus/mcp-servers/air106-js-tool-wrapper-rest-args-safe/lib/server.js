// case: the same device bridge; `openLink` ends the options with a literal `--` before the
// model's link, so whatever it starts with is an operand (the serial is the value of `-s`).
"use strict";
const { McpServer } = require("@modelcontextprotocol/sdk/server/mcp.js");
const { execFileSync } = require("node:child_process");
const { z } = require("zod");

class Bridge {
    constructor(serial) {
        this.serial = serial;
    }
    adb(...args) {
        return execFileSync("adb", ["-s", this.serial, ...args]).toString();
    }
    openLink(link) {
        return this.adb("shell", "am", "start", "--", link);
    }
}

const createServer = () => {
    const server = new McpServer({ name: "device-bridge", version: "0.4.2" });
    const tool = (name, title, description, schema, annotations, cb) => {
        server.registerTool(name, { title, description, inputSchema: schema, annotations }, (async (args, _extra) => {
            try {
                const text = await cb(args);
                return { content: [{ type: "text", text }] };
            } catch (error) {
                return { content: [{ type: "text", text: `Error: ${error.message}` }], isError: true };
            }
        }));
    };
    const bridgeFor = (serial) => new Bridge(serial);
    tool("open_link", "Open link", "Open a link on the device", {
        serial: z.string(),
        link: z.string(),
    }, { destructiveHint: true }, async ({ serial, link }) => {
        return bridgeFor(serial).openLink(link);
    });
    tool("battery_level", "Battery", "The device's battery level", {
        serial: z.string(),
    }, { readOnlyHint: true }, async ({ serial }) => {
        return bridgeFor(serial).adb("shell", "dumpsys", "battery");
    });
    return server;
};
exports.createServer = createServer;
