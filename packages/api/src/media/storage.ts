/** The media storage the deployment configured: the S3 bucket when one is set, else the media folder. */
import type { ApiConfig } from "../config.ts";
import { localMediaStorage } from "./local-storage.ts";
import type { MediaStorage } from "./port.ts";
import { s3MediaStorage } from "./s3-storage.ts";

const adapters = new WeakMap<ApiConfig, MediaStorage>();

export function mediaStorageFor(config: ApiConfig): MediaStorage {
  let storage = adapters.get(config);
  if (!storage) {
    storage = config.s3 ? s3MediaStorage(config.s3) : localMediaStorage(config.mediaDir);
    adapters.set(config, storage);
  }
  return storage;
}
