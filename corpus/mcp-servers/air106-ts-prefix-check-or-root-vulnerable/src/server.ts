import { FastMCP } from "fastmcp";
import { z } from "zod";

import { uploadLocalImage, type DriveClient } from "./drive.js";

declare const drive: DriveClient;

const server = new FastMCP({ name: "doc-images", version: "1.4.0" });

server.addTool({
  name: "insertLocalImage",
  description: "Upload a local image file to Drive and return its file id.",
  parameters: z.object({
    imagePath: z.string().describe("Path to the image on this machine"),
  }),
  execute: async (args) => {
    const id = await uploadLocalImage(drive, args.imagePath);
    return `uploaded as ${id}`;
  },
});

server.start({ transportType: "stdio" });
