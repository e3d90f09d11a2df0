export const LOG_DIR = process.env.OPS_LOG_DIR ?? "/var/log/app";

export const SERVICES = ["api", "worker", "scheduler", "nginx"] as const;
export type ServiceName = (typeof SERVICES)[number];

export const UNIT_NAMES: Record<ServiceName, string> = {
  api: "app-api.service",
  worker: "app-worker.service",
  scheduler: "app-scheduler.service",
  nginx: "nginx.service",
};

export const PORT = Number(process.env.PORT ?? 8808);
