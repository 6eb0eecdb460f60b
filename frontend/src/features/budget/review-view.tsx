export default function ReviewView() {
  return <section aria-label="Vérifier" />;
}
