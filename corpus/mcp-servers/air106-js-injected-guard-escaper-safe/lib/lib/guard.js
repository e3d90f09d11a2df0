"use strict";
// Naming rules for the admin tools: every answer is a record with a `valid` field.
class NameGuard {
    checkName(name) {
        if (typeof name !== "string" || name.length === 0) {
            return { valid: false, error: "a name is required" };
        }
        if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) {
            return { valid: false, error: `not a plain identifier: ${name}` };
        }
        return { valid: true };
    }
    // Quotes a name for a statement; refuses anything checkName refuses.
    quote(name) {
        const verdict = this.checkName(name);
        if (!verdict.valid) {
            throw new Error(verdict.error);
        }
        return "`" + name + "`";
    }
}
exports.NameGuard = NameGuard;
