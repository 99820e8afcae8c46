/**
 * The S3-compatible adapter of the media storage port: AWS S3, MinIO, Cloudflare R2 and the like.
 * Every server and worker sharing the bucket sees every upload, which is what lets the shop run as
 * many processes on as many machines as it likes.
 */
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import type { S3Config } from "../config.ts";
import { cacheControlOf } from "./keys.ts";
import { type MediaStorage, MediaStorageUnavailable } from "./port.ts";

/** S3 caps DeleteObjects at this many keys per request. */
const DELETE_BATCH = 1000;

export function s3MediaStorage(config: S3Config): MediaStorage {
  const client = new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle,
    ...(config.accessKeyId && config.secretAccessKey
      ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } }
      : {}),
    // Checksums only where S3 demands them: several S3-compatible servers reject the newer
    // aws-chunked uploads the SDK sends by default.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    // An upload waits for the storage: a bucket that does not answer must fail fast and clearly.
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 15_000 },
  });
  const Bucket = config.bucket;

  return {
    async put(key, bytes, contentType) {
      await unavailableOnFailure(() =>
        client.send(
          new PutObjectCommand({
            Bucket,
            Key: key,
            Body: bytes,
            ContentType: contentType,
            CacheControl: cacheControlOf(key),
          }),
        ),
      );
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!object.Body) return null;
        return {
          bytes: await object.Body.transformToByteArray(),
          contentType: object.ContentType ?? "application/octet-stream",
        };
      } catch (error) {
        if (error instanceof NoSuchKey) return null;
        throw unavailable(error);
      }
    },
    async remove(keys) {
      for (let i = 0; i < keys.length; i += DELETE_BATCH) {
        const batch = keys.slice(i, i + DELETE_BATCH);
        const result = await unavailableOnFailure(() =>
          client.send(
            new DeleteObjectsCommand({ Bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
          ),
        );
        if (result.Errors?.length) {
          throw new MediaStorageUnavailable(`Could not remove ${result.Errors.length} objects from ${Bucket}`);
        }
      }
    },
  };
}

async function unavailableOnFailure<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    throw unavailable(error);
  }
}

function unavailable(error: unknown): MediaStorageUnavailable {
  const reason =
    error instanceof S3ServiceException ? `${error.name} (${error.$metadata.httpStatusCode})` : String(error);
  return new MediaStorageUnavailable(`Media storage failed: ${reason}`, { cause: error });
}
