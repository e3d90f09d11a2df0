"use strict";
// case: the same builder node reads its "chart options" input with `JSON5.parse`, which accepts
// the loose object syntax and runs nothing; the configured text stays data.
Object.defineProperty(exports, "__esModule", { value: true });
const json5_1 = require("json5");
const renderer_1 = require("./renderer");

function toObject(text) {
    return json5_1.parse(text);
}

class ChartTool_Tools {
    constructor() {
        this.label = "Chart Tool";
        this.name = "chartTool";
        this.baseClasses = ["Tool"];
        this.inputs = [{ label: "Chart Options", name: "chartOptions", type: "code" }];
    }
    async init(nodeData, _, options) {
        const raw = nodeData.inputs?.chartOptions;
        const opts = typeof raw === "string" ? toObject(raw) : raw;
        return new renderer_1.ChartRenderer(opts, options.cache);
    }
}
module.exports = { nodeClass: ChartTool_Tools };
