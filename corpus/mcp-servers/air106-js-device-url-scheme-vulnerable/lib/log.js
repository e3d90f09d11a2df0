"use strict";
function trace(message) {
    if (process.env.DEVICE_BRIDGE_TRACE) {
        process.stderr.write(`${message}\n`);
    }
}
module.exports = { trace };
