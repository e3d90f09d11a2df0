"use strict";
// Compiled TypeScript (CommonJS): a name checker that answers in a field of the record it
// returns instead of throwing.
Object.defineProperty(exports, "__esModule", { value: true });
exports.NameRules = void 0;
class NameRules {
    constructor(maxLength) {
        this.maxLength = maxLength;
    }
    checkIdentifier(name) {
        if (!name || typeof name !== "string") {
            return { valid: false, error: "a name is required" };
        }
        if (name.length > this.maxLength) {
            return { valid: false, error: "name too long" };
        }
        const plain = /^[A-Za-z_][A-Za-z0-9_]*$/;
        if (!plain.test(name)) {
            return { valid: false, error: "only letters, digits and underscores" };
        }
        return { valid: true };
    }
}
exports.NameRules = NameRules;
exports.default = NameRules;
