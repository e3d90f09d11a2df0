// The report service behind the analyst agent: the UI exports the reports the agent wrote.
import express from "express";
import { execFileSync } from "node:child_process";
import path from "node:path";

const REPORTS = process.env.REPORTS_DIR ?? "/var/lib/analyst/reports";
const app = express();
app.use(express.json());

function exportPdf(name: string): Buffer {
  // No shell: the name is one argument, and only its file name part is used.
  const source = path.join(REPORTS, `${path.basename(name)}.md`);
  return execFileSync("pandoc", [source, "-o", "/dev/stdout", "-t", "pdf"]);
}

app.post("/reports/export", (req, res, next) => {
  try {
    res.type("application/pdf").send(exportPdf(req.body.name));
  } catch (err) {
    next(err);
  }
});

app.listen(8080);
