import { NotFoundMessage } from "@/components/not-found-message";
import { getTranslator } from "@/app/_lib/request-locale";

/**
 * A signed-in page's notFound() (another park's dashboard, a project that does not exist): it shows
 * inside the app's chrome, whose <main> it is already in, so it brings no landmark of its own.
 */
export default async function NotFound() {
  const { t } = await getTranslator();
  return (
    <div className="grid place-items-center py-16">
      <NotFoundMessage t={t} />
    </div>
  );
}
