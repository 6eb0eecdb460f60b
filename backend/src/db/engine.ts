import mongoose from 'mongoose';

const answers = new WeakMap<object, Promise<boolean>>();

/** Whether the connected server is FerretDB (its buildInfo names its own version): asked once per connection. */
export function isFerretDb(): Promise<boolean> {
  const db = mongoose.connection.db!;
  let answer = answers.get(db);
  if (!answer) {
    answer = db
      .admin()
      .command({ buildInfo: 1 })
      .then((info) => typeof info.ferretdbVersion === 'string');
    answers.set(db, answer);
  }
  return answer;
}
