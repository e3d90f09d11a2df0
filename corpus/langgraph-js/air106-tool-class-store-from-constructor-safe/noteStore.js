"use strict";
// A folder of text notes on the server's disk; a note's name cannot leave the folder.
const fs = require("fs/promises");
const path = require("path");

class NoteFolder {
    constructor(root) {
        this.root = path.resolve(root);
    }
    async save(name, text) {
        const target = path.resolve(this.root, name);
        if (!target.startsWith(this.root + path.sep)) {
            throw new Error(`note name leaves the notes folder: ${name}`);
        }
        await fs.writeFile(target, text, "utf-8");
    }
}
module.exports = { NoteFolder };
