export default function LinesView() {
  return <section />;
}
