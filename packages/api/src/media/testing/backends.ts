/**
 * The media storage backends every storage-facing test runs against: a folder, and an S3 bucket on a
 * real S3-compatible server. Each can list what it holds, so tests can prove nothing was left behind.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ApiConfig } from "../../config.ts";
import { startS3Server } from "./s3-server.ts";

export interface TestBackend {
  /** The media part of an `ApiConfig`: a fresh folder, or a bucket. */
  media: Pick<ApiConfig, "mediaDir" | "s3">;
  /** Every key stored, sorted. */
  keys(): Promise<string[]>;
  stop(): Promise<void>;
}

export const testBackends: { name: string; start(): Promise<TestBackend> }[] = [
  {
    name: "local disk",
    async start() {
      const mediaDir = mkdtempSync(join(tmpdir(), "media-"));
      return {
        media: { mediaDir },
        keys: async () =>
          (readdirSync(mediaDir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
            .filter((entry) => entry.isFile())
            .map((entry) => join(entry.parentPath, entry.name).slice(mediaDir.length + 1))
            .sort(),
        stop: async () => rmSync(mediaDir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: "S3 (s3rver over HTTP)",
    async start() {
      const s3 = await startS3Server();
      return {
        media: { mediaDir: join(tmpdir(), "unused-with-s3"), s3: s3.config },
        keys: s3.keys,
        stop: s3.stop,
      };
    },
  },
];
