import { useTranslations } from "next-intl";
import type { TimelineVideo } from "@/lib/db/timeline";
import { photoUrl } from "@/lib/photos/urls";

// The videos of a diary entry (where the organisation enables video: OrganisationPolicy.videoInDiaryEnabled).
// Played by the browser's own <video> (its controls are keyboard accessible), from the `original`
// URL, which answers Range requests so the player can seek; no poster (there is no ffmpeg to make
// one: preload="metadata" lets the browser show the first frame). Each with a download link. Not in the
// photo viewer. No server imports: rendered on the server and by the timeline's client.

export function DiaryVideos({ videos, label }: { videos: readonly TimelineVideo[]; label: string }) {
  const t = useTranslations("Videos");
  if (videos.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-col gap-4" data-diary-videos="">
      {videos.map((video, index) => {
        const name = video.alt || t("untitled", { number: index + 1 });
        return (
          <li key={video.id} className="flex flex-col gap-1">
            <video
              controls
              preload="metadata"
              playsInline
              aria-label={name}
              className="aspect-video w-full rounded-lg bg-black"
              src={photoUrl(video, "original")}
            >
              {t("unsupported")}
            </video>
            {video.alt ? <p className="text-sm text-muted">{video.alt}</p> : null}
            <p>
              <a
                href={photoUrl(video, "original", { download: true })}
                download
                className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-4 hover:text-brand-800"
              >
                {t("download")}
                <span className="sr-only">: {name}</span>
              </a>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
