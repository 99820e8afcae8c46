/**
 * A product's images: upload (checked by content on the server; size checked here first to save
 * a pointless upload), reorder, alt text, remove. Order and alt text are edited as a draft and
 * saved together.
 */

import { errorMessage } from "@shopwright/client";
import { Button } from "@shopwright/ui/button";
import { controlClass } from "@shopwright/ui/field";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Card, Muted, Notice } from "../../components/page.tsx";
import { trpc } from "../../lib/api.ts";
import type { ProductDetail } from "../../lib/types.ts";
import styles from "./product-images.module.css";

const MAX_BYTES = 5 * 1024 * 1024;

type Image = ProductDetail["images"][number];

/** The upload as the server reads it: a multipart form carrying the file itself. */
function uploadForm(productId: string, file: File): FormData {
  const form = new FormData();
  form.set("productId", productId);
  form.set("image", file);
  return form;
}

export function ProductImages({ product }: { product: ProductDetail }) {
  const queryClient = useQueryClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<Image[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const images = draft ?? product.images;

  const refresh = () => {
    setDraft(null);
    void queryClient.invalidateQueries({ queryKey: trpc.admin.products.byId.queryKey({ id: product.id }) });
    void queryClient.invalidateQueries({ queryKey: trpc.admin.products.list.queryKey() });
  };
  const upload = useMutation(trpc.admin.products.uploadImage.mutationOptions({ onSuccess: refresh }));
  const save = useMutation(trpc.admin.products.updateImages.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.admin.products.deleteImage.mutationOptions({ onSuccess: refresh }));
  const error = upload.error ?? save.error ?? remove.error;

  const choose = (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    if (file.size > MAX_BYTES) return setProblem("Images can be at most 5 MB.");
    upload.mutate(uploadForm(product.id, file));
    if (fileInput.current) fileInput.current.value = "";
  };

  const move = (index: number, by: -1 | 1) => {
    const next = [...images];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    setDraft(next);
  };

  const setAlt = (id: string, alt: string) =>
    setDraft(images.map((image) => (image.id === id ? { ...image, alt } : image)));

  return (
    <Card title="Images">
      {(problem || error) && <Notice tone="error">{problem ?? errorMessage(error)}</Notice>}
      {images.length === 0 ? (
        <p>
          <Muted>No images yet. JPEG, PNG or WebP, up to 5 MB.</Muted>
        </p>
      ) : (
        <ol className={styles.list} aria-label="Product images">
          {images.map((image, index) => (
            <li key={image.id} className={styles.item}>
              <img className={styles.image} src={image.url} alt={image.alt} width={72} height={72} />
              <div>
                <input
                  className={controlClass}
                  aria-label={`Alt text for image ${index + 1}`}
                  placeholder="Describe the image"
                  value={image.alt}
                  onChange={(e) => setAlt(image.id, e.target.value)}
                />
                {!image.variantsReady && <Muted>Making sizes for shoppers…</Muted>}
              </div>
              <div className={styles.buttons}>
                <Button
                  size="small"
                  aria-label={`Move image ${index + 1} up`}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  ↑
                </Button>
                <Button
                  size="small"
                  aria-label={`Move image ${index + 1} down`}
                  disabled={index === images.length - 1}
                  onClick={() => move(index, 1)}
                >
                  ↓
                </Button>
                <Button
                  size="small"
                  variant="danger"
                  aria-label={`Remove image ${index + 1}`}
                  disabled={remove.isPending || draft !== null}
                  onClick={() => remove.mutate({ imageId: image.id })}
                >
                  ✕
                </Button>
              </div>
            </li>
          ))}
        </ol>
      )}
      <div className={styles.footer}>
        <span>
          <input
            ref={fileInput}
            className={styles.file}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            aria-label="Upload image"
            onChange={(e) => choose(e.target.files?.[0])}
          />
          <Button onClick={() => fileInput.current?.click()} disabled={upload.isPending || draft !== null}>
            {upload.isPending ? "Uploading…" : "Upload image"}
          </Button>
        </span>
        {draft && (
          <span>
            <Button onClick={() => setDraft(null)}>Discard</Button>{" "}
            <Button
              variant="primary"
              disabled={save.isPending}
              onClick={() => save.mutate({ productId: product.id, images: draft.map(({ id, alt }) => ({ id, alt })) })}
            >
              Save order and alt text
            </Button>
          </span>
        )}
      </div>
    </Card>
  );
}
