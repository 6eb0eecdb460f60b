export default function SummaryView() {
  return <section />;
}
