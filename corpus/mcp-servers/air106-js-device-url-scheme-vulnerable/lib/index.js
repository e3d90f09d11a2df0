"use strict";
const { StdioServerTransport } = require("@modelcontextprotocol/sdk/server/stdio.js");
const { createServer } = require("./server");

async function startStdio(version) {
    const server = createServer(version);
    const transport = new StdioServerTransport();
    await server.connect(transport);
}

async function main(argv) {
    const version = argv.includes("--legacy") ? "0.2.0" : "0.3.0";
    await startStdio(version);
}

main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`${error}\n`);
    process.exit(1);
});
