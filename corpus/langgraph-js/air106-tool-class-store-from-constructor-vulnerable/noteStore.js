"use strict";
// A folder of text notes on the server's disk.
const fs = require("fs/promises");
const path = require("path");

class NoteFolder {
    constructor(root) {
        this.root = root;
    }
    async save(name, text) {
        const target = path.join(this.root, name);
        await fs.writeFile(target, text, "utf-8"); // expect: AIR106
    }
}
module.exports = { NoteFolder };
