import { Octokit } from "@octokit/rest";
import { tool } from "ai";
import { z } from "zod";

const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });
const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? "acme/widgets").split("/");

export const githubTools = {
  getIssue: tool({
    description: "Read an issue (title, body, labels and the last 20 comments).",
    inputSchema: z.object({ number: z.number().int() }),
    execute: async ({ number }) => {
      const { data: issue } = await octokit.rest.issues.get({ owner, repo, issue_number: number });
      const { data: comments } = await octokit.rest.issues.listComments({
        owner,
        repo,
        issue_number: number,
        per_page: 20,
      });
      return {
        title: issue.title,
        body: issue.body ?? "",
        labels: issue.labels.map((l) => (typeof l === "string" ? l : l.name)),
        comments: comments.map((c) => ({ author: c.user?.login, body: c.body })),
      };
    },
  }),

  commentOnIssue: tool({
    description: "Post a comment on the issue. Maintainers review every comment before it is posted.",
    inputSchema: z.object({ number: z.number().int(), body: z.string().max(4000) }),
    needsApproval: true,
    execute: async ({ number, body }) => {
      const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
      return { url: data.html_url };
    },
  }),

  openPullRequest: tool({
    description: "Push the working branch and open a draft PR that fixes the issue.",
    inputSchema: z.object({ branch: z.string(), title: z.string(), body: z.string(), issue: z.number().int() }),
    execute: async ({ branch, title, body, issue }) => {
      const { data } = await octokit.rest.pulls.create({
        owner,
        repo,
        head: branch,
        base: "main",
        title,
        body: `${body}\n\nFixes #${issue}`,
        draft: true,
      });
      return { url: data.html_url, number: data.number };
    },
  }),
};
