import express from "express";
import { billingAgent } from "./agents/billing";

const app = express();
app.use(express.json());

app.post("/support", async (req, res) => {
  const reply = await billingAgent.generate(req.body.message);
  res.json({ text: reply.text });
});

app.listen(8080);
