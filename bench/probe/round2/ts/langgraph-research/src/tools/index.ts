export { default as fetchPage } from "./web.js";
export { default as saveReport, loadSource } from "./report.js";
export { default as publishPost } from "./cms.js";
