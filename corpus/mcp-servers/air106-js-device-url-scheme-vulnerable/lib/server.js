"use strict";
// case: a device-control server registers its tools through a local helper whose callback
// wraps each handler (timing, logging, error text); each handler asks a closure of the
// server factory for the device, which checks the bridge, lists devices and returns one of two
// classes. The open-link tool hands the model's link to the bridge as a bare element: a link
// such as `--exec=/tmp/x` is read as an option, and any scheme (`intent:`, `tel:`) is
// opened. The start-app tool reaches the same runner with the model's package name.
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
        const d = deviceFor(device);
        d.openLink(link);
        return `opened ${link}`;
    });

    tool("device_start_app", "Start an app on the device", { device: z.string(), pkg: z.string() }, async ({ device, pkg }) => {
        const d = deviceFor(device);
        d.startApp(pkg);
        return `started ${pkg}`;
    });

    return server;
}

module.exports = { createServer };
