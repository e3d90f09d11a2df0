"use strict";
// case: the same server, fixed in its handlers: the open-link tool refuses any link that does
// not start with `http://` or `https://`, unless the operator turned the check off with an
// environment switch, and the start-app tool takes only package names made of letters, digits,
// dots and underscores. Neither value can start with `-` when it reaches the bridge.
const { McpServer } = require("@modelcontextprotocol/sdk/server/mcp.js");
const { z } = require("zod");
const { PhoneDevice, EmulatorDevice, Registry } = require("./devices");
const { trace } = require("./log");

function createServer(version) {
    const server = new McpServer({ name: "device-bridge", version });

    const tool = (name, description, schema, cb) => {
        server.registerTool(name, { description, inputSchema: schema }, async (args) => {
            const started = Date.now();
            try {
                const text = await cb(args);
                trace(`${name} took ${Date.now() - started} ms`);
                return { content: [{ type: "text", text }] };
            } catch (error) {
                trace(`${name} failed`);
                return { content: [{ type: "text", text: String(error) }], isError: true };
            }
        });
    };

    const checkBridge = () => {
        const reg = new Registry();
        if (reg.list() === undefined) {
            throw new Error("device bridge not available");
        }
    };

    const deviceFor = (id) => {
        checkBridge();
        const found = new Registry().list().find((d) => d.id === id);
        if (found && found.kind === "emulator") {
            return new EmulatorDevice(id);
        }
        return new PhoneDevice(id);
    };

    tool("device_open_link", "Open a link on the device", { device: z.string(), link: z.string() }, async ({ device, link }) => {
        const anyScheme = process.env.DEVICE_BRIDGE_ANY_SCHEME === "1";
        if (!anyScheme && !link.startsWith("http://") && !link.startsWith("https://")) {
            throw new Error("only http:// and https:// links can be opened");
        }
        const d = deviceFor(device);
        d.openLink(link);
        return `opened ${link}`;
    });

    tool("device_start_app", "Start an app on the device", { device: z.string(), pkg: z.string() }, async ({ device, pkg }) => {
        if (!/^[A-Za-z0-9_.]+$/.test(pkg)) {
            throw new Error("not a package name");
        }
        const d = deviceFor(device);
        d.startApp(pkg);
        return `started ${pkg}`;
    });

    return server;
}

module.exports = { createServer };
