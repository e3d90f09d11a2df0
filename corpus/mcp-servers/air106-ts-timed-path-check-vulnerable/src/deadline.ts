export function withDeadline<T>(work: Promise<T>, ms: number, label: string, fallback: T | null): Promise<T | null> {
  return new Promise((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      if (fallback !== null) resolve(fallback);
      else reject(new Error(`${label} took longer than ${ms} ms`));
    }, ms);
    work
      .then((value) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(value);
      })
      .catch((err) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        reject(err);
      });
  });
}
