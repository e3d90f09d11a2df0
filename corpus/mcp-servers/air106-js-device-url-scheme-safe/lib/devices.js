"use strict";
// Two kinds of device, each driven through its own command-line bridge.
const { execFileSync } = require("node:child_process");

function bridgePath() {
    return process.env.DEVICE_BRIDGE || "/usr/local/bin/devbridge";
}

class PhoneDevice {
    constructor(id) {
        this.id = id;
    }
    run(args) {
        return execFileSync(bridgePath(), ["--device", this.id, ...args], { encoding: "utf8" });
    }
    openLink(link) {
        this.run(["open", link]);
    }
    startApp(pkg) {
        this.run(["apps", "start", pkg]);
    }
}

class EmulatorDevice {
    constructor(id) {
        this.id = id;
    }
    run(args) {
        return execFileSync(bridgePath(), ["--emulator", this.id, ...args], { encoding: "utf8" });
    }
    openLink(link) {
        this.run(["open", link]);
    }
    startApp(pkg) {
        this.run(["apps", "start", pkg]);
    }
}

class Registry {
    list() {
        const out = execFileSync(bridgePath(), ["list", "--json"], { encoding: "utf8" });
        return JSON.parse(out).devices || [];
    }
}

module.exports = { PhoneDevice, EmulatorDevice, Registry };
