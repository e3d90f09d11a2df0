"use strict";
// Compiled output of readNote.ts: a builder node whose tool reads notes kept by LangChain's
// file store. A note is named by letters, digits, `-` and `_` only (checked before the read),
// so the name cannot climb out of the store's base path.
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
        if (!/^[A-Za-z0-9_-]+$/.test(note)) {
            throw new Error(`not a note name: ${note}`);
        }
        return await this.store.readFile(`${note}.md`);
    }
}
exports.ReadNoteTool = ReadNoteTool;
module.exports = { nodeClass: ReadNote_Node };
