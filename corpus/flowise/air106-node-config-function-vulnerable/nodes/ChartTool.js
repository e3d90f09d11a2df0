"use strict";
// case: a node of a low-code agent builder (Flowise's component contract: the module exports its
// class as `nodeClass`, and the builder calls `init(nodeData, input, options)` with the inputs
// the flow's author configured). The node turns its "chart options" input, written as a loose
// object literal, into an object with `Function("return " + text)()`: whoever can edit or call
// the flow through the builder's API runs JavaScript on the server. The class has no base and
// no decorator; only its export key says the builder loads it.
Object.defineProperty(exports, "__esModule", { value: true });
const renderer_1 = require("./renderer");

function toObject(text) {
    return Function("return " + text)(); // expect: AIR106
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
