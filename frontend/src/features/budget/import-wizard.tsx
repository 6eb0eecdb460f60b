export default function ImportWizard() {
  return <section aria-label="Import" />;
}
