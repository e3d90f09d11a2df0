"use strict";
// Compiled output of tableAgent.ts (CommonJS): answers questions about an uploaded table.
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default") result[k] = mod[k];
    result["default"] = mod;
    return result;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.TableAgent = void 0;
const chains_1 = require("langchain/chains");
const prompts_1 = require("@langchain/core/prompts");
let runtime;
// Pyodide is heavy: load it the first time a question needs it.
async function pythonRuntime() {
    if (runtime === undefined) {
        const { loadPyodide } = await Promise.resolve().then(() => __importStar(require("pyodide")));
        runtime = await loadPyodide({ indexURL: process.env.PYODIDE_HOME });
        await runtime.loadPackage(["pandas"]);
    }
    return runtime;
}
const PROMPT = "Columns: {columns}\nName the one summary that answers: {question}\nOne of: rows, columns, nulls";
// The only Python that runs: the model picks one by name.
const SUMMARIES = {
    rows: "len(df)",
    columns: "list(df.columns)",
    nulls: "df.isna().sum().to_dict()",
};
class TableAgent {
    constructor(model) {
        this.model = model;
    }
    async answer(columns, question) {
        const py = await pythonRuntime();
        const chain = new chains_1.LLMChain({ llm: this.model, prompt: prompts_1.PromptTemplate.fromTemplate(PROMPT) });
        const reply = await chain.call({ columns, question });
        const name = String(reply?.text ?? "").trim();
        if (!Object.prototype.hasOwnProperty.call(SUMMARIES, name)) {
            throw new Error(`no such summary: ${name}`);
        }
        const result = await py.runPythonAsync(`import pandas as pd\nprint(${SUMMARIES[name]})`);
        return String(result);
    }
}
exports.TableAgent = TableAgent;
