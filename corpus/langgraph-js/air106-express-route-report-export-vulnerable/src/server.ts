// The report service behind the analyst agent: the UI exports the reports the agent wrote.
import express from "express";
import { execSync } from "node:child_process";

const REPORTS = process.env.REPORTS_DIR ?? "/var/lib/analyst/reports";
const app = express();
app.use(express.json());

function exportPdf(name: string): Buffer {
  return execSync(`pandoc ${REPORTS}/${name}.md -o /dev/stdout -t pdf`); // expect: AIR106
}

app.post("/reports/export", (req, res, next) => {
  try {
    res.type("application/pdf").send(exportPdf(req.body.name));
  } catch (err) {
    next(err);
  }
});

app.listen(8080);
