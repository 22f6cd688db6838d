import { NotFoundMessage } from "@/components/not-found-message";
import { getTranslator } from "@/app/_lib/request-locale";

/** A path that matches no page: the whole document, so the message is its main landmark. */
export default async function NotFound() {
  const { t } = await getTranslator();
  return (
    <main className="grid min-h-dvh place-items-center px-4">
      <NotFoundMessage t={t} />
    </main>
  );
}
