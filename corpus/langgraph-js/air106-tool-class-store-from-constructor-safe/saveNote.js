"use strict";
// Compiled output of saveNote.ts: a node of a low-code builder that hands an agent a tool.
Object.defineProperty(exports, "__esModule", { value: true });
exports.SaveNoteTool = void 0;
const tools_1 = require("@langchain/core/tools");
const zod_1 = require("zod");
const noteStore_1 = require("./noteStore");

class SaveNote_Node {
    constructor() {
        this.label = "Save Note";
        this.name = "saveNote";
        this.inputs = [{ label: "Notes folder", name: "folder", type: "string" }];
    }
    async init(nodeData) {
        const folder = new noteStore_1.NoteFolder(nodeData.inputs?.folder ?? "./notes");
        return new SaveNoteTool({ folder, verbose: false });
    }
}

class SaveNoteTool extends tools_1.StructuredTool {
    constructor({ folder, ...rest }) {
        super(rest);
        this.name = "save_note";
        this.description = "Save a note under the given name";
        this.schema = zod_1.z.object({ name: zod_1.z.string(), text: zod_1.z.string() });
        this.folder = folder;
    }
    async _call({ name, text }) {
        await this.folder.save(name, text);
        return `saved ${name}`;
    }
}
exports.SaveNoteTool = SaveNoteTool;
module.exports = { nodeClass: SaveNote_Node };
