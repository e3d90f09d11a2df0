export * from "./slack.js";
