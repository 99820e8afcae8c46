import type { TaskHandlers } from "@shopwright/jobs";
import { mediaStorageFor } from "../media/storage.ts";
import type { TaskDeps } from "../task-deps.ts";
import { makeImageVariants } from "./product-images.ts";

export function catalogTasks({ db, config }: TaskDeps): TaskHandlers {
  return {
    async make_image_variants({ imageId }, helpers) {
      const outcome = await makeImageVariants(db, mediaStorageFor(config), imageId);
      helpers.logger.info(`Image ${imageId}: variants ${outcome}`, { imageId, outcome });
    },
  };
}
