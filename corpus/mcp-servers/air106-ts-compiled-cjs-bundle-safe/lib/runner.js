"use strict";
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    return new (P || (P = Promise))(function (resolve, reject) {
        function step(result) { result.done ? resolve(result.value) : Promise.resolve(result.value).then(function (v) { step(generator.next(v)); }, reject); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.runScript = runScript;
const child_process_1 = require("child_process");
function runScript(script) {
    return __awaiter(this, void 0, void 0, function* () {
        return (0, child_process_1.execFileSync)("npm", ["run", "--silent", "--", script], { encoding: "utf8" });
    });
}
