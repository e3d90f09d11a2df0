"use strict";
// Compiled output of readNote.ts: a builder node whose tool reads notes kept by LangChain's
// file store. `NodeFileStore.readFile(p)` joins `p` onto its base path without keeping it
// inside, so `../../.ssh/id_rsa` reads any file the server can.
Object.defineProperty(exports, "__esModule", { value: true });
const tools_1 = require("@langchain/core/tools");
const zod_1 = require("zod");
const node_1 = require("langchain/stores/file/node");

class ReadNote_Node {
    async init(nodeData) {
        const folder = nodeData.inputs?.folder;
        const store = folder ? new node_1.NodeFileStore(folder) : new node_1.NodeFileStore();
        return new ReadNoteTool({ store });
    }
}

class ReadNoteTool extends tools_1.StructuredTool {
    constructor({ store, ...rest }) {
        super(rest);
        this.name = "read_note";
        this.description = "Read a saved note";
        this.schema = zod_1.z.object({ note: zod_1.z.string().describe("file name of the note") });
        this.store = store;
    }
    async _call({ note }) {
        return await this.store.readFile(note); // expect: AIR106
    }
}
exports.ReadNoteTool = ReadNoteTool;
module.exports = { nodeClass: ReadNote_Node };
